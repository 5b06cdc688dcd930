package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.request.control.AutoApprovalRules;
import io.afterhours.request.control.RequestLifecycle;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestDecision;
import io.afterhours.request.entity.RequestDecision.Outcome;
import io.afterhours.request.entity.RequestState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Managers' decisions (product.md F3). Who may decide is worked out again from the directory at every read and every
 * decision, by objectGUID: the requester's current approver (their line manager, or the next enabled manager up), or
 * a member of the fallback group when the directory gives no usable manager, or, once the timers escalated it, the
 * escalation approver; never the requester themselves, whatever their roles. The first decision wins: the request row
 * is locked while deciding and a decision row is unique per request, so a second approver gets "already decided by …".
 */
@ApplicationScoped
@Transactional
public class Decisions {

    static final java.time.Duration TEAM_HISTORY = java.time.Duration.ofDays(90);

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Directory directory;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    SecurityContext security;

    @Inject
    AutoApprovalRules autoApproval;

    /**
     * Pending requests routed to me (by the snapshot taken when each was made; a decision re-checks the directory),
     * or to a fallback group I belong to, or escalated to me or such a group; never my own. Oldest window first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestSummary> inbox() {
        DirectoryPerson me = people.me();
        return em
                .createQuery(
                        "SELECT r FROM ExtensionRequest r WHERE r.state = :pending AND r.requesterGuid <> :me AND"
                                + " (r.approverGuid = :me OR (r.approverGuid IS NULL AND r.approverGroup IN :groups)"
                                + " OR r.escalatedToGuid = :me OR r.escalatedToGroup IN :groups)"
                                + " ORDER BY r.windowStart, r.id",
                        ExtensionRequest.class)
                .setParameter("pending", RequestState.PENDING)
                .setParameter("me", me.guid().toString())
                .setParameter("groups", me.groups().isEmpty() ? List.of("-") : List.copyOf(me.groups()))
                .setMaxResults(500)
                .getResultList()
                .stream()
                .filter(r -> mayDecide(me, r))
                .map(r -> RequestSummary.of(r, null, escalatedTo(me, r)))
                .toList();
    }

    /**
     * My direct reports' requests whose window ended less than 90 days ago or is still to come, newest first: the
     * manager's team view. Only managers; "my reports" as the directory says now.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestSummary> team() {
        List<String> reports =
                people.myTeam().stream().map(p -> p.guid().toString()).toList();
        if (reports.isEmpty()) {
            return List.of();
        }
        List<ExtensionRequest> requests = em.createQuery(
                        "SELECT r FROM ExtensionRequest r WHERE r.requesterGuid IN :reports AND r.windowEnd > :since"
                                + " ORDER BY r.windowStart DESC, r.id DESC",
                        ExtensionRequest.class)
                .setParameter("reports", reports)
                .setParameter("since", clock.instant().minus(TEAM_HISTORY))
                .setMaxResults(500)
                .getResultList();
        return RequestSummary.withRules(requests, autoApproval);
    }

    /** One request, for someone who may decide it (or has decided it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestSummary detail(long id) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, id);
        if (request == null || !mayDecide(me, request)) {
            throw new AccessRefused("request " + id);
        }
        return RequestSummary.of(request);
    }

    public RequestSummary decide(DecisionCommand command) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, command.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !mayDecide(me, request)) {
            throw new AccessRefused("request " + command.requestId());
        }
        if (request.state() != RequestState.PENDING) {
            throw new RequestRefused(List.of(alreadyDecided(request)), request.id());
        }
        Instant now = clock.instant();
        RequestDecision decision;
        if (command.approve()) {
            Instant start = command.start() == null ? request.requestedStart() : command.start();
            Instant end = command.end() == null ? request.requestedEnd() : command.end();
            // A late approval runs from now (F2): the part of the window already gone cannot be given back.
            Instant from = start.isBefore(now) ? now.truncatedTo(ChronoUnit.MINUTES) : start;
            if (start.isBefore(request.requestedStart()) || end.isAfter(request.requestedEnd())) {
                throw new RequestRefused(List.of("decision.problem.wider"), request.id());
            }
            if (!end.isAfter(from)) {
                throw new RequestRefused(List.of("decision.problem.over"), request.id());
            }
            request.grant(from, end, now);
            request.enter(RequestLifecycle.move(request.state(), RequestState.APPROVED), now);
            decision = new RequestDecision(
                    request.id(), Outcome.APPROVED, now, me.guid(), me.displayName(), null, from, end, null);
        } else {
            String note = command.note() == null ? "" : command.note().strip();
            if (note.isEmpty()) {
                throw new RequestRefused(List.of("decision.problem.reason"), request.id());
            }
            request.enter(RequestLifecycle.move(request.state(), RequestState.DENIED), now);
            decision = new RequestDecision(
                    request.id(),
                    Outcome.DENIED,
                    now,
                    me.guid(),
                    me.displayName(),
                    null,
                    request.windowStart(),
                    request.windowEnd(),
                    note);
        }
        em.persist(decision);
        em.flush();
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                me.account(),
                command.approve() ? "request.approved" : "request.denied",
                "request " + request.id(),
                command.approve()
                        ? "PENDING -> APPROVED: " + request.windowStart() + " to " + request.windowEnd()
                                + (request.windowEnd().equals(request.requestedEnd())
                                                && request.windowStart().equals(request.requestedStart())
                                        ? " as requested"
                                        : " (asked " + request.requestedStart() + " to " + request.requestedEnd() + ")")
                        : "PENDING -> DENIED: " + decision.note()));
        return RequestSummary.of(request);
    }

    /**
     * Ends a granted window early on the approver's side (REVOKED): whoever may decide the request, or an administrator.
     * Removing it from UserLock arrives with the connector.
     */
    public RequestSummary revoke(long id) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        boolean administrator = security.isCallerInRole(Roles.ADMINISTRATOR);
        if (request == null
                || !(mayDecide(me, request)
                        || administrator && !request.requester().equals(me.guid()))) {
            throw new AccessRefused("request " + id);
        }
        RequestState from = request.state();
        if (!from.isGranted()) {
            throw new RequestRefused(List.of("request.problem.state." + from), id);
        }
        Instant now = clock.instant();
        request.enter(RequestLifecycle.move(from, RequestState.REVOKED), now);
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                me.account(),
                "request.revoked",
                "request " + id,
                from + " -> REVOKED: ended early by "
                        + (mayDecide(me, request) ? "the approver" : "an administrator")));
        return RequestSummary.of(request);
    }

    /**
     * Whether this person may decide this request now: never their own; otherwise the requester's current approver
     * by objectGUID, or a member of the fallback group when the directory names no usable manager.
     */
    boolean mayDecide(DirectoryPerson me, ExtensionRequest request) {
        if (request.requester().equals(me.guid())) {
            return false;
        }
        if (escalatedTo(me, request)) {
            return true;
        }
        Optional<DirectoryPerson> requester = directory.findByGuid(request.requester());
        if (requester.isEmpty()) {
            // Gone from the directory: only the fallback approvers can close it.
            return request.approverGroup() != null && me.isMemberOf(request.approverGroup());
        }
        ApproverResolution current = directory.resolveApprover(requester.get());
        return current.approver()
                .map(approver -> approver.sameAs(me))
                .orElseGet(() -> me.isMemberOf(current.fallbackGroup()));
    }

    /** Escalated by the timers to this person, or to a group they belong to: they may decide as well (F3). */
    static boolean escalatedTo(DirectoryPerson me, ExtensionRequest request) {
        return me.guid().equals(request.escalatedTo())
                || request.escalatedToGroup() != null && me.isMemberOf(request.escalatedToGroup());
    }

    private String alreadyDecided(ExtensionRequest request) {
        RequestDecision decision = em.find(RequestDecision.class, request.id());
        return decision == null
                ? "request.problem.state." + request.state()
                : "decision.problem.decidedBy|" + decision.decidedByName() + "|" + decision.outcome();
    }
}
