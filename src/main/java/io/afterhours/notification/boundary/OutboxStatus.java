package io.afterhours.notification.boundary;

import io.afterhours.notification.entity.MailState;

/**
 * How the outbox page names a row: the stored state, with QUEUED split in two, because an administrator looks at a
 * mail that is waiting on a failure differently from one that is just about to be sent.
 */
public enum OutboxStatus {
    /** QUEUED, never tried yet. */
    PENDING,
    /** QUEUED after at least one failed attempt: waits for its next attempt. */
    FAILED,
    SENT,
    /** Given up after the retry limit. */
    DEAD;

    static OutboxStatus of(MailState state, int attempts) {
        return switch (state) {
            case QUEUED -> attempts == 0 ? PENDING : FAILED;
            case SENT -> SENT;
            case DEAD -> DEAD;
        };
    }

    /** Whether "Retry now" applies: the row waits on a failure. */
    public boolean retryable() {
        return this == FAILED || this == DEAD;
    }
}
