package io.afterhours.intake.boundary;

import java.time.Instant;

/**
 * A logon or logoff reported by UserLock as the usage feature needs it: who, when (the event time, or the receipt
 * time when the event time is missing or unreadable), where, and the session id when UserLock sent one.
 */
public record SessionEvent(
        long notificationId,
        boolean logon,
        String user,
        String domain,
        Instant at,
        String computer,
        String clientAddress,
        String sessionId) {

    /** The account as UserLock names it, {@code DOMAIN\\user} when it sent a domain. */
    public String account() {
        return domain == null || domain.isBlank() ? user : domain + "\\" + user;
    }
}
