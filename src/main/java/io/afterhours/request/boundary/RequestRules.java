package io.afterhours.request.boundary;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The request policy as the form shows it: what may be asked for, the zone the viewer sees times in (their own choice
 * or the organisation's), and the zone UserLock enforces working hours in.
 */
public record RequestRules(
        List<String> sessionTypes,
        Duration defaultLength,
        Duration maxLength,
        Duration maxAhead,
        boolean reasonRequired,
        ZoneId displayZone,
        ZoneId enforcedZone) {

    public long maxHours() {
        return maxLength.toHours();
    }

    public long maxAheadDays() {
        return maxAhead.toDays();
    }
}
