package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.hours.boundary.WorkingTime;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.request.control.AutoApprovalRules;
import io.afterhours.request.control.DeputyAssignments;
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
    jakarta.enterprise.event.Event<RequestRevoked> revoked;

    @Inject
    Clock clock;

    @Inject
    SecurityContext security;

    @Inject
    DeputyAssignments deputies;

    @Inject
    WorkingTime workingTime;

    @Inject
    AutoApprovalRules autoApproval;

    @Inject
    io.afterhours.request.control.TimerSchedule timers;

    @Inject
    jakarta.enterprise.event.Event<RequestDecided> decided;

    /**
     * One page of the pending requests routed to me or to a manager I stand in for as deputy (by the snapshot taken
     * when each was made, kept current by re-routing), to a fallback group I belong to, or escalated to me or such a
     * group; never my own. Paged and sorted in the database; each row is checked again against the directory before it
     * is shown.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InboxEntry> inbox(InboxQuery query) {
        DirectoryPerson me = people.me();
        return inboxCriteria(
                        me,
                        query,
                        "SELECT r FROM ExtensionRequest r",
                        " ORDER BY " + query.sort().column() + (query.ascending() ? " ASC" : " DESC") + ", r.id",
                        ExtensionRequest.class)
                .setFirstResult(Math.max(0, query.first()))
                .setMaxResults(Math.min(Math.max(1, query.size()), InboxQuery.MAX_PAGE))
                .getResultList()
                .stream()
                .flatMap(r -> authority(me, r)
                        .map(a -> new InboxEntry(RequestSummary.of(r, null, escalatedTo(me, r)), a.onBehalfOf()))
                        .stream())
                .toList();
    }

    /** How many requests {@link #inbox(InboxQuery)} pages through: for the paginator and the menu badge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int inboxCount(InboxQuery query) {
        DirectoryPerson me = people.me();
        return inboxCriteria(me, query, "SELECT COUNT(r) FROM ExtensionRequest r", "", Long.class)
                .getSingleResult()
                .intValue();
    }

    private <T> jakarta.persistence.TypedQuery<T> inboxCriteria(
            DirectoryPerson me, InboxQuery query, String select, String orderBy, Class<T> type) {
        String text = query.text() == null ? "" : query.text().strip().toLowerCase(java.util.Locale.ROOT);
        String jpql = select + " WHERE r.state = :pending AND r.requesterGuid <> :me AND"
                + " (r.approverGuid = :me OR r.approverGuid IN :deputizing"
                + " OR (r.approverGuid IS NULL AND r.approverGroup IN :groups)"
                + " OR r.escalatedToGuid = :me OR r.escalatedToGroup IN :groups)"
                + (text.isEmpty()
                        ? ""
                        : " AND (LOWER(r.requesterName) LIKE :text ESCAPE '!'"
                                + " OR LOWER(r.requesterAccount) LIKE :text ESCAPE '!')")
                + (query.origin() == null ? "" : " AND r.origin = :origin")
                + orderBy;
        jakarta.persistence.TypedQuery<T> typed = em.createQuery(jpql, type)
                .setParameter("pending", RequestState.PENDING)
                .setParameter("me", me.guid().toString())
                .setParameter("deputizing", orNone(deputizing(me)))
                .setParameter("groups", orNone(List.copyOf(me.groups())));
        if (!text.isEmpty()) {
            typed.setParameter("text", "%" + text.replaceAll("[!%_]", "!$0") + "%");
        }
        if (query.origin() != null) {
            typed.setParameter("origin", query.origin());
        }
        return typed;
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

    /**
     * One request with its evidence and history, for whoever has a reason to see it: the requester, whoever may
     * decide it now (or has decided it), the requester's line manager, administrators and auditors. Anyone else is
     * refused, the same way whether or not it exists (P9).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestDetail detail(long id) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, id);
        if (request == null) {
            throw new AccessRefused("request " + id);
        }
        Optional<Authority> authority = authority(me, request);
        RequestDecision decision = em.find(RequestDecision.class, request.id());
        boolean sees = authority.isPresent()
                || request.requester().equals(me.guid())
                || decision != null && decision.decidedBy().equals(me.guid())
                || isLineManagerOf(me, request)
                || security.isCallerInRole(Roles.ADMINISTRATOR)
                || security.isCallerInRole(Roles.AUDITOR);
        if (!sees) {
            throw new AccessRefused("request " + id);
        }
        boolean decidable = authority.isPresent() && request.state() == RequestState.PENDING;
        // Someone gone from the directory is shown against the default policy.
        java.util.Set<String> requesterGroups = directory
                .findByGuid(request.requester())
                .map(DirectoryPerson::groups)
                .orElse(java.util.Set.of());
        return new RequestDetail(
                RequestSummary.of(request),
                decision == null
                        ? null
                        : new RequestDetail.Decided(
                                decision.outcome().name(),
                                decision.decidedAt(),
                                decision.decidedByName(),
                                decision.onBehalfOf(),
                                decision.note()),
                em
                        .createQuery(
                                "SELECT d FROM RequestDenial d WHERE d.requestId = :id ORDER BY d.deniedAt",
                                io.afterhours.request.entity.RequestDenial.class)
                        .setParameter("id", id)
                        .setMaxResults(100)
                        .getResultList()
                        .stream()
                        .map(d -> new RequestDetail.DeniedLogonEvidence(
                                d.deniedAt(), d.computer(), d.clientAddress(), d.sessionType()))
                        .toList(),
                em
                        .createQuery(
                                "SELECT r FROM ExtensionRequest r WHERE r.requesterGuid = :who AND r.id <> :id"
                                        + " AND r.windowEnd > :since ORDER BY r.windowStart DESC, r.id DESC",
                                ExtensionRequest.class)
                        .setParameter("who", request.requester().toString())
                        .setParameter("id", id)
                        .setParameter("since", clock.instant().minus(TEAM_HISTORY))
                        .setMaxResults(50)
                        .getResultList()
                        .stream()
                        .map(RequestSummary::of)
                        .toList(),
                decidable,
                authority.map(Authority::onBehalfOf).orElse(null),
                workingTime.normalHours(requesterGroups),
                workingTime.enforcedZone(requesterGroups),
                request.requester().equals(me.guid()));
    }

    private boolean isLineManagerOf(DirectoryPerson me, ExtensionRequest request) {
        return directory
                .findByGuid(request.requester())
                .map(DirectoryPerson::managerDn)
                .flatMap(directory::findByDn)
                .filter(me::sameAs)
                .isPresent();
    }

    public RequestSummary decide(DecisionCommand command) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, command.requestId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Authority> authority = request == null ? Optional.empty() : authority(me, request);
        if (authority.isEmpty()) {
            throw new AccessRefused("request " + command.requestId());
        }
        String onBehalfOf = authority.get().onBehalfOf();
        if (request.state() != RequestState.PENDING) {
            throw new RequestRefused(List.of(alreadyDecided(request)), request.id());
        }
        Instant now = clock.instant();
        // Read before the state changes: who else was entitled to act on it, to tell them it is done.
        List<java.util.UUID> couldDecide = couldDecide(request, now);
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
            timers.startEndingSoon(request, now);
            decision = new RequestDecision(
                    request.id(), Outcome.APPROVED, now, me.guid(), me.displayName(), onBehalfOf, from, end, null);
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
                    onBehalfOf,
                    request.windowStart(),
                    request.windowEnd(),
                    note);
        }
        em.persist(decision);
        em.flush();
        String what = command.approve()
                ? "PENDING -> APPROVED: " + request.windowStart() + " to " + request.windowEnd()
                        + (request.windowEnd().equals(request.requestedEnd())
                                        && request.windowStart().equals(request.requestedStart())
                                ? " as requested"
                                : " (asked " + request.requestedStart() + " to " + request.requestedEnd() + ")")
                : "PENDING -> DENIED: " + decision.note();
        auditLog.append(new AuditRecord(
                        ActorType.PERSON,
                        me.account(),
                        command.approve() ? "request.approved" : "request.denied",
                        "request " + request.id(),
                        what + (onBehalfOf == null ? "" : "; as deputy, on behalf of " + onBehalfOf))
                .about(Concerning.request(request.id(), request.requester(), request.requesterAccount())));
        decided.fire(RequestDecided.of(
                request, command.approve(), me.guid(), me.displayName(), decision.note(), couldDecide));
        return RequestSummary.of(request);
    }

    /** The approver of record, their deputies active now, and the escalation approver: who might act on it too. */
    private List<java.util.UUID> couldDecide(ExtensionRequest request, Instant now) {
        List<java.util.UUID> people = new java.util.ArrayList<>();
        if (request.approver() != null) {
            people.add(request.approver());
            deputies.currentAndComing(request.approver(), now).stream()
                    .filter(d -> d.activeAt(now))
                    .forEach(d -> people.add(d.deputy()));
        }
        if (request.escalatedTo() != null) {
            people.add(request.escalatedTo());
        }
        return people;
    }

    /**
     * Ends a granted window early on the approver's side (REVOKED): whoever may decide the request, or an administrator.
     * The connector observes {@link RequestRevoked} and queues what UserLock must undo in this transaction.
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
                                + (mayDecide(me, request) ? "the approver" : "an administrator"))
                .about(Concerning.request(request.id(), request.requester(), request.requesterAccount())));
        revoked.fire(new RequestRevoked(id, request.requester()));
        return RequestSummary.of(request);
    }

    /**
     * Whether the caller may end this request's window early from its page: the requester themselves ("End now", via
     * {@link ExtensionRequests#endEarly}), whoever may decide it, or an administrator (via {@link #revoke}); only while
     * it is granted and not over.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayEndNow(long id) {
        ExtensionRequest request = em.find(ExtensionRequest.class, id);
        if (request == null
                || !request.state().isGranted()
                || !request.windowEnd().isAfter(clock.instant())) {
            return false;
        }
        DirectoryPerson me = people.me();
        return request.requester().equals(me.guid())
                || mayDecide(me, request)
                || security.isCallerInRole(Roles.ADMINISTRATOR);
    }

    /**
     * Whether this person may decide this request now: never their own; otherwise whoever it was escalated to (a person
     * or a member of the group), the requester's current approver by objectGUID, that approver's active deputy, or a
     * member of the fallback group when the directory names no usable manager.
     */
    boolean mayDecide(DirectoryPerson me, ExtensionRequest request) {
        return authority(me, request).isPresent();
    }

    /** On what grounds this person may decide this request now, if at all (see {@link #mayDecide}). */
    Optional<Authority> authority(DirectoryPerson me, ExtensionRequest request) {
        if (request.requester().equals(me.guid())) {
            return Optional.empty();
        }
        if (escalatedTo(me, request)) {
            return Optional.of(Authority.OWN_RIGHT);
        }
        Optional<DirectoryPerson> requester = directory.findByGuid(request.requester());
        if (requester.isEmpty()) {
            // Gone from the directory: only the fallback approvers can close it.
            return request.approverGroup() != null && me.isMemberOf(request.approverGroup())
                    ? Optional.of(Authority.OWN_RIGHT)
                    : Optional.empty();
        }
        ApproverResolution current = directory.resolveApprover(requester.get());
        if (current.approver().isEmpty()) {
            return me.isMemberOf(current.fallbackGroup()) ? Optional.of(Authority.OWN_RIGHT) : Optional.empty();
        }
        DirectoryPerson approver = current.approver().get();
        if (approver.sameAs(me)) {
            return Optional.of(Authority.OWN_RIGHT);
        }
        return deputies.active(approver.guid(), me.guid(), clock.instant())
                .map(deputyship -> new Authority(approver.displayName()));
    }

    private List<String> deputizing(DirectoryPerson me) {
        return deputies.managersDeputizedBy(me.guid(), clock.instant()).stream()
                .map(java.util.UUID::toString)
                .toList();
    }

    /** JPQL's IN needs at least one value; "-" matches no GUID and no group. */
    private static List<String> orNone(List<String> values) {
        return values.isEmpty() ? List.of("-") : values;
    }

    /** Why someone may decide: in their own right, or as deputy on behalf of the named manager. */
    record Authority(String onBehalfOf) {
        static final Authority OWN_RIGHT = new Authority(null);
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
