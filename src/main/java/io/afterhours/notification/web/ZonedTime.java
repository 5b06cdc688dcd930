package io.afterhours.notification.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the mail pages write a moment: to the second, in the viewer's zone, with the zone named. */
final class ZonedTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ZonedTime() {}

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "—" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
