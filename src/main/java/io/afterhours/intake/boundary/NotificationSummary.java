package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.Notification;
import io.afterhours.intake.entity.TimeQuality;
import java.time.Instant;

/** One row of the Notifications page. */
public record NotificationSummary(
        long id,
        Instant receivedAt,
        Instant eventTime,
        TimeQuality timeQuality,
        Integer eventType,
        EventCategory category,
        Classification classification,
        boolean mapped,
        String serverSlot,
        String serverName,
        String user,
        String computer,
        String clientAddress) {

    static NotificationSummary of(Notification n) {
        String user = n.userName() == null
                ? null
                : n.userDomain() == null ? n.userName() : n.userDomain() + "\\" + n.userName();
        String server = n.serverName() != null ? n.serverName() : n.serverFqdn();
        return new NotificationSummary(
                n.id(),
                n.receivedAt(),
                n.eventTime(),
                n.timeQuality(),
                n.eventType(),
                n.category(),
                n.classification(),
                n.mapped(),
                n.serverSlot(),
                server,
                user,
                n.computer(),
                n.clientAddress());
    }
}
