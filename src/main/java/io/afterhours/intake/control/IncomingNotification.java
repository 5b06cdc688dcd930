package io.afterhours.intake.control;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import java.time.Instant;

/**
 * A notification that passed authentication and validation, with everything derived from it, ready to be stored
 * in one insert (or spooled). {@code rawJson} is the body with the UserLock ID redacted.
 */
public record IncomingNotification(
        String dedupeKey,
        Instant receivedAt,
        Instant eventTime,
        String eventTimeText,
        TimeQuality timeQuality,
        Integer eventType,
        EventCategory category,
        Classification classification,
        boolean mapped,
        ServerSlot serverSlot,
        String serverFqdn,
        String serverName,
        String userName,
        String userDomain,
        String computer,
        String clientAddress,
        String sessionType,
        String sessionId,
        String details,
        String unmappedMembers,
        String rawJson) {

    /** The time rules should use: the event's own time when trustworthy enough to parse, else the receipt time. */
    public Instant effectiveTime() {
        return eventTime != null ? eventTime : receivedAt;
    }
}
