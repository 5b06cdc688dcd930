package io.afterhours.request.boundary;

import io.afterhours.request.control.AutoApprovalRules;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestOrigin;
import io.afterhours.request.entity.RequestState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One request as lists and detail pages show it. */
public record RequestSummary(
        long id,
        RequestState state,
        RequestOrigin origin,
        String requesterAccount,
        String requesterName,
        Instant windowStart,
        Instant windowEnd,
        Instant requestedStart,
        Instant requestedEnd,
        String sessionTypes,
        String reason,
        String approverName,
        String approverGroup,
        String approverReason,
        String denialComputer,
        String denialClient,
        String denialSession,
        int denialCount,
        Instant createdAt,
        boolean reminded,
        String escalatedTo,
        boolean escalatedToViewer,
        String approvedByRule) {

    static RequestSummary of(ExtensionRequest r) {
        return of(r, null, false);
    }

    /**
     * {@code approvedByRule}: the auto-approval rule that approved it, if any; {@code escalatedToViewer}: whether it was
     * escalated to the person looking (their inbox says so).
     */
    static RequestSummary of(ExtensionRequest r, String approvedByRule, boolean escalatedToViewer) {
        return new RequestSummary(
                r.id(),
                r.state(),
                r.origin(),
                r.requesterAccount(),
                r.requesterName(),
                r.windowStart(),
                r.windowEnd(),
                r.requestedStart(),
                r.requestedEnd(),
                r.sessionTypes(),
                r.reason(),
                r.approverName(),
                r.approverGroup(),
                r.approverReason(),
                r.denialComputer(),
                r.denialClient(),
                r.denialSession(),
                r.denialCount(),
                r.createdAt(),
                r.remindedAt() != null,
                r.escalatedAt() == null
                        ? null
                        : r.escalatedToName() != null ? r.escalatedToName() : r.escalatedToGroup(),
                escalatedToViewer,
                approvedByRule);
    }

    /** Summaries of these requests, each naming the auto-approval rule that approved it, if one did. */
    static List<RequestSummary> withRules(List<ExtensionRequest> requests, AutoApprovalRules rules) {
        Map<Long, String> behind =
                rules.rulesBehind(requests.stream().map(ExtensionRequest::id).toList());
        return requests.stream().map(r -> of(r, behind.get(r.id()), false)).toList();
    }

    public boolean cancellable() {
        return state.isOpen();
    }

    /** A granted window that has not ended yet can be ended early. */
    public boolean endable() {
        return state.isGranted() && windowEnd.isAfter(Instant.now());
    }
}
