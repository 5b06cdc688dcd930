package io.afterhours.notification.boundary;

/**
 * What the outbox page filters on; null means "any". {@code kind} matches exactly, {@code recipient} a substring of
 * the address, case-insensitively.
 */
public record OutboxFilter(OutboxStatus status, String kind, String recipient, Long requestId) {

    public static OutboxFilter none() {
        return new OutboxFilter(null, null, null, null);
    }
}
