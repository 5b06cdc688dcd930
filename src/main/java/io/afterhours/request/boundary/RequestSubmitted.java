package io.afterhours.request.boundary;

import io.afterhours.request.entity.ExtensionRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * A request has become PENDING and waits for its approver (a person, or the fallback group when {@code approver} is
 * null). Fired synchronously inside the transaction that submitted it, so whatever an observer writes (the outbox row
 * of the approver's mail) commits or rolls back with the request.
 */
public record RequestSubmitted(
        long requestId,
        String requesterName,
        UUID approver,
        String approverName,
        String approverGroup,
        Instant windowStart,
        Instant windowEnd,
        String reason,
        String denialComputer) {

    static RequestSubmitted of(ExtensionRequest request) {
        return new RequestSubmitted(
                request.id(),
                request.requesterName(),
                request.approver(),
                request.approverName(),
                request.approverGroup(),
                request.windowStart(),
                request.windowEnd(),
                request.reason(),
                request.denialComputer());
    }
}
