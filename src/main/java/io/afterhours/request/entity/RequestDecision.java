package io.afterhours.request.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The decision on a request. One per request (its key is the request's id), so a second decision fails to insert
 * even if two approvers got past every check at the same moment. Decided by a person (their GUID) or by an
 * auto-approval rule (its name, no GUID).
 */
@Entity
@Table(name = "request_decision")
public class RequestDecision {

    public enum Outcome {
        APPROVED,
        DENIED
    }

    @Id
    @Column(name = "request_id")
    private long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "decided_by_guid")
    private String decidedByGuid;

    @Column(name = "decided_by_rule")
    private String decidedByRule;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "on_behalf_of")
    private String onBehalfOf;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    private String note;

    protected RequestDecision() {}

    public RequestDecision(
            long requestId,
            Outcome outcome,
            Instant decidedAt,
            UUID decidedBy,
            String decidedByName,
            String onBehalfOf,
            Instant windowStart,
            Instant windowEnd,
            String note) {
        this.requestId = requestId;
        this.outcome = outcome;
        this.decidedAt = decidedAt;
        this.decidedByGuid = decidedBy.toString();
        this.decidedByName = decidedByName;
        this.onBehalfOf = onBehalfOf;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.note = note;
    }

    /** An approval by an auto-approval rule: no person decided, the rule is named. */
    public static RequestDecision byRule(
            long requestId, String rule, String shownAs, Instant decidedAt, Instant windowStart, Instant windowEnd) {
        RequestDecision decision = new RequestDecision();
        decision.requestId = requestId;
        decision.outcome = Outcome.APPROVED;
        decision.decidedAt = decidedAt;
        decision.decidedByRule = rule;
        decision.decidedByName = shownAs;
        decision.windowStart = windowStart;
        decision.windowEnd = windowEnd;
        return decision;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public String decidedByRule() {
        return decidedByRule;
    }

    public String note() {
        return note;
    }

    public java.util.UUID decidedBy() {
        return java.util.UUID.fromString(decidedByGuid);
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }
}
