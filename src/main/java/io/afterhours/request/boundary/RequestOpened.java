package io.afterhours.request.boundary;

import io.afterhours.request.entity.ExtensionRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * A denied logon opened a request on the employee's behalf (F2). Fired synchronously inside the transaction that
 * opened it, so the employee's mail commits or rolls back with the request.
 */
public record RequestOpened(
        long requestId,
        UUID requester,
        String requesterName,
        Instant windowStart,
        Instant windowEnd,
        String denialComputer,
        boolean submitted) {

    static RequestOpened of(ExtensionRequest request) {
        return new RequestOpened(
                request.id(),
                request.requester(),
                request.requesterName(),
                request.windowStart(),
                request.windowEnd(),
                request.denialComputer(),
                request.state() != io.afterhours.request.entity.RequestState.DRAFT);
    }
}
