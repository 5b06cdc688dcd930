package io.afterhours.request.boundary;

import io.afterhours.request.entity.ExtensionRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pending request was approved (perhaps for less than asked) or denied, by a person or by an auto-approval rule
 * ({@code decidedBy} null). {@code couldDecide} are the people who could have decided it at that moment (the approver,
 * their active deputies, the escalation approver), {@code couldDecideGroups} the groups whose members could (the
 * fallback group, a group escalated to), so they can be told not to. Fired synchronously inside the
 * deciding transaction.
 */
public record RequestDecided(
        long requestId,
        UUID requester,
        String requesterName,
        boolean approved,
        UUID decidedBy,
        String decidedByName,
        String note,
        Instant requestedStart,
        Instant requestedEnd,
        Instant grantedStart,
        Instant grantedEnd,
        List<UUID> couldDecide,
        List<String> couldDecideGroups) {

    static RequestDecided of(
            ExtensionRequest request,
            boolean approved,
            UUID decidedBy,
            String decidedByName,
            String note,
            List<UUID> couldDecide) {
        return new RequestDecided(
                request.id(),
                request.requester(),
                request.requesterName(),
                approved,
                decidedBy,
                decidedByName,
                note,
                request.requestedStart(),
                request.requestedEnd(),
                request.windowStart(),
                request.windowEnd(),
                List.copyOf(couldDecide),
                java.util.stream.Stream.of(
                                request.approver() == null ? request.approverGroup() : null, request.escalatedToGroup())
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /** Approved for a shorter or later window than the one asked for. */
    public boolean shortened() {
        return approved && (grantedStart.isAfter(requestedStart) || grantedEnd.isBefore(requestedEnd));
    }
}
