package io.afterhours.intake.boundary;

import java.time.Instant;

/**
 * A denial by UserLock as the request feature needs it: who, when (the event time, or the receipt time when the event
 * time is missing or unreadable), where from, and which session type: as sent, and the EventType code, whose range
 * tells the session family.
 */
public record DeniedLogon(
        long notificationId,
        String user,
        String domain,
        Instant at,
        String computer,
        String clientAddress,
        String sessionType,
        Integer eventType) {

    /** The account as UserLock names it, {@code DOMAIN\\user} when it sent a domain. */
    public String account() {
        return domain == null || domain.isBlank() ? user : domain + "\\" + user;
    }
}
