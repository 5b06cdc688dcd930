package io.afterhours.request.boundary;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The request policy as the form shows it: what may be asked for, and the zone times are shown in. */
public record RequestRules(
        List<String> sessionTypes,
        Duration defaultLength,
        Duration maxLength,
        Duration maxAhead,
        boolean reasonRequired,
        ZoneId displayZone) {

    public long maxHours() {
        return maxLength.toHours();
    }

    public long maxAheadDays() {
        return maxAhead.toDays();
    }
}
