package io.afterhours.request.control;

import java.time.Instant;
import java.util.UUID;

/**
 * What a decision link carries, once its signature checked out: the request, the one approver it was sent to (by
 * objectGUID), its own random id (recorded when it is used up) and when it stops working.
 */
public record LinkToken(long requestId, UUID approver, String id, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
