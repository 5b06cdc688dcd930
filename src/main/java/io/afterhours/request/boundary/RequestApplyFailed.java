package io.afterhours.request.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A request's window could not be applied in UserLock after the retry limit: the request is FAILED. Fired
 * synchronously inside the transaction that gave the action up.
 */
public record RequestApplyFailed(
        long requestId, UUID requester, String requesterName, Instant windowStart, Instant windowEnd, String error) {}
