package io.afterhours.request.boundary;

import io.afterhours.request.entity.RequestState;
import java.time.Instant;
import java.util.UUID;

/**
 * UserLock confirmed a request's window (the bridge reported the account applied): the request is now SCHEDULED or
 * ACTIVE. Fired synchronously inside the transaction that recorded the report.
 */
public record RequestApplied(
        long requestId,
        UUID requester,
        String requesterName,
        RequestState state,
        Instant windowStart,
        Instant windowEnd) {}
