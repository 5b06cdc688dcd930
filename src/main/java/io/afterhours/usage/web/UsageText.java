package io.afterhours.usage.web;

import io.afterhours.platform.web.BundleText;
import io.afterhours.usage.boundary.UsageSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write usage: "Used 1 h 20", "Not used", "—" before the window starts; moments in a named zone. */
public final class UsageText {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private UsageText() {}

    /** The compact badge of the lists; empty for a request that was never granted. */
    public static String badge(UsageSummary usage) {
        if (usage == null) {
            return "";
        }
        if (!usage.started()) {
            return "—";
        }
        if (!usage.used()) {
            return BundleText.of("usage.notUsed");
        }
        return BundleText.of("usage.used|" + duration(usage.total()))
                + (usage.loggedOnNow() ? " · " + BundleText.of("usage.loggedOnNow") : "")
                + (usage.stillLoggedOnAtEnd() ? " · " + BundleText.of("usage.stillAtEnd") : "");
    }

    /** "1 h 20", "2 h", "45 min", "0 min". */
    public static String duration(Duration length) {
        long hours = length.toHours();
        int minutes = length.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return hours + " h" + (minutes == 0 ? "" : " " + String.format(Locale.ROOT, "%02d", minutes));
    }

    public static String moment(Instant instant, ZoneId zone) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone));
    }
}
