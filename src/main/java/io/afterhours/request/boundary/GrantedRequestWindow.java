package io.afterhours.request.boundary;

import java.time.Instant;
import java.util.UUID;

/** A request that was granted (has an approval decision) and the window in force: the approved, maybe shortened one. */
public record GrantedRequestWindow(
        long requestId, UUID requester, String requesterAccount, Instant start, Instant end) {}
