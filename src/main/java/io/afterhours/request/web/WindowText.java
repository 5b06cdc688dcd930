package io.afterhours.request.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the request pages write a window: moments in the display zone (the year only when it is not this one), in
 * English like the rest of the pages for now. */
final class WindowText {

    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private WindowText() {}

    static String moment(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        boolean thisYear = local.getYear() == ZonedDateTime.now(zone).getYear();
        return (thisYear ? THIS_YEAR : OTHER_YEAR).format(local);
    }

    /** "2 h", "1 h 30 min", "45 min". */
    static String length(Instant start, Instant end) {
        Duration length = Duration.between(start, end);
        long hours = length.toHours();
        int minutes = length.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
