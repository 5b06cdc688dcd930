package io.afterhours.request.boundary;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/** "Request extra hours", as the employee filled it in: the window (instants), session types and reason. */
public record RequestCommand(Instant start, Instant end, Set<String> sessionTypes, String reason) {

    /**
     * A window typed as wall-clock times in a zone. Each end is placed on the time line on its own, so a window across
     * a DST change keeps its true length (22:00 to 06:00 over the autumn change is 9 hours in Paris). A wall time
     * that does not exist (the spring gap) moves forward by the gap; one that exists twice takes the earlier.
     */
    public static RequestCommand inZone(
            LocalDateTime start, LocalDateTime end, ZoneId zone, Set<String> sessionTypes, String reason) {
        return new RequestCommand(
                start == null ? null : start.atZone(zone).toInstant(),
                end == null ? null : end.atZone(zone).toInstant(),
                sessionTypes,
                reason);
    }
}
