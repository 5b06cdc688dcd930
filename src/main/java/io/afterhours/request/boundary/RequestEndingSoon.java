package io.afterhours.request.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A granted window ends soon ({@code afterhours.mail.ending-soon} before its end). Fired synchronously inside the
 * timer's transaction, only while the request is still granted.
 */
public record RequestEndingSoon(
        long requestId, UUID requester, String requesterName, Instant windowStart, Instant windowEnd) {}
