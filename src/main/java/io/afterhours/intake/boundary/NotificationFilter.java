package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Classification;
import java.time.Instant;

/**
 * What the Notifications page filters on; null means "any". {@code user} matches a substring of the account name,
 * case-insensitively; the date range applies to the receipt time (always present, unlike the event time).
 */
public record NotificationFilter(
        String serverSlot,
        String user,
        Integer eventType,
        Classification classification,
        Boolean mapped,
        Instant receivedFrom,
        Instant receivedTo) {

    public static NotificationFilter none() {
        return new NotificationFilter(null, null, null, null, null, null, null);
    }
}
