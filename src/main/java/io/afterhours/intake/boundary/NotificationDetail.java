package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Notification;

/** The redacted raw JSON of one notification, and what intake could not map in it. */
public record NotificationDetail(long id, String rawJson, String unmappedMembers, String eventTimeText,
        String sessionType, String sessionId, String details) {

    static NotificationDetail of(Notification n) {
        return new NotificationDetail(n.id(), n.rawJson(), n.unmappedMembers(), n.eventTimeText(), n.sessionType(),
                n.sessionId(), n.details());
    }
}
