package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.hours.boundary.WorkingTime;
import io.afterhours.intake.boundary.Denials;
import io.afterhours.intake.boundary.DeniedLogon;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.control.AutoApprovalRules;
import io.afterhours.request.control.AutoApprovalRules.Rule;
import io.afterhours.request.control.DenialHours;
import io.afterhours.request.control.RequestLifecycle;
import io.afterhours.request.control.RequestLifecycle.IllegalTransition;
import io.afterhours.request.control.RequestPolicy;
import io.afterhours.request.control.TimerSchedule;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestDecision;
import io.afterhours.request.entity.RequestDenial;
import io.afterhours.request.entity.RequestOrigin;
import io.afterhours.request.entity.RequestState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Extension requests (product.md F2): asked for ahead of time by the signed-in employee, or opened by the request
 * worker from out-of-hours denials. Every state change goes through {@link RequestLifecycle} and is audited in the
 * same transaction. Employees only ever see and change their own requests (checked here, by objectGUID).
 */
@ApplicationScoped
@Transactional
public class ExtensionRequests {

    private static final Set<RequestState> OPEN_OR_GRANTED = EnumSet.of(
            RequestState.DRAFT,
            RequestState.PENDING,
            RequestState.APPROVED,
            RequestState.APPLYING,
            RequestState.SCHEDULED,
            RequestState.ACTIVE);

    private static final Set<RequestState> OPEN = EnumSet.of(RequestState.DRAFT, RequestState.PENDING);
    private static final Set<RequestState> GRANTED =
            EnumSet.of(RequestState.APPROVED, RequestState.APPLYING, RequestState.SCHEDULED, RequestState.ACTIVE);

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Directory directory;

    @Inject
    Denials denials;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<RequestRevoked> revoked;

    @Inject
    RequestPolicy policy;

    @Inject
    DenialHours denialHours;

    @Inject
    TimerSchedule timers;

    @Inject
    AutoApprovalRules autoApproval;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.display.zone")
    String displayZone;

    @Inject
    Preferences preferences;

    @Inject
    WorkingTime workingTime;

    @Inject
    Event<RequestSubmitted> submitted;

    @Inject
    Event<RequestOpened> opened;

    @Inject
    Event<RequestDecided> decided;

    /** The signed-in employee asks for a window; it goes to their approver at once. */
    public RequestSummary requestAhead(RequestCommand command) {
        DirectoryPerson me = people.me();
        Instant now = clock.instant();
        String reason = command.reason() == null ? null : command.reason().strip();
        List<String> problems = policy.check(command.start(), command.end(), command.sessionTypes(), reason, now);
        if (!problems.isEmpty()) {
            throw new RequestRefused(problems, null);
        }
        Instant start = command.start().isBefore(now) ? now : command.start();
        Optional<ExtensionRequest> overlap = overlapping(me.guid().toString(), start, command.end(), OPEN_OR_GRANTED);
        if (overlap.isPresent()) {
            throw new RequestRefused(
                    List.of("request.problem.overlaps"), overlap.get().id());
        }
        ExtensionRequest request = new ExtensionRequest(
                RequestOrigin.AHEAD,
                me.guid(),
                me.account(),
                me.displayName(),
                start.truncatedTo(ChronoUnit.MINUTES),
                command.end().truncatedTo(ChronoUnit.MINUTES),
                String.join(",", new TreeSet<>(upper(command.sessionTypes()))),
                reason,
                now);
        route(request, me);
        em.persist(request);
        em.flush();
        audit(ActorType.PERSON, me.account(), "request.opened", request, "asked ahead: " + window(request));
        String rule = submit(request, me, ActorType.PERSON, me.account(), "submitted");
        return RequestSummary.of(request, rule, false);
    }

    /** What the request form may offer: the policy's session types and limits. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestRules rules() {
        return new RequestRules(
                List.copyOf(policy.sessionTypes()),
                policy.defaultLength(),
                policy.maxLength(),
                policy.maxAhead(),
                policy.reasonRequired(),
                viewerZone(),
                enforcedZone());
    }

    /** The zone of the viewer's own working-hours policy: what UserLock enforces for them. */
    private ZoneId enforcedZone() {
        try {
            return workingTime.enforcedZone(people.me().groups());
        } catch (AccessRefused notSignedIn) {
            return workingTime.enforcedZone(java.util.Set.of());
        }
    }

    private ZoneId viewerZone() {
        try {
            return preferences.myZone();
        } catch (AccessRefused notSignedIn) {
            return ZoneId.of(displayZone);
        }
    }

    /** The signed-in employee's own requests, newest window first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestSummary> mine() {
        DirectoryPerson me = people.me();
        List<ExtensionRequest> mine = em.createQuery(
                        "SELECT r FROM ExtensionRequest r WHERE r.requesterGuid = :me ORDER BY r.windowStart DESC,"
                                + " r.id DESC",
                        ExtensionRequest.class)
                .setParameter("me", me.guid().toString())
                .setMaxResults(200)
                .getResultList();
        return RequestSummary.withRules(mine, autoApproval);
    }

    /**
     * "Extend that one instead" (F2): the employee widens their own undecided request to also cover a window they
     * asked for that overlaps it. The union of both is checked against the policy like a new ask (a part already
     * running may stay in the past) and must not overlap another of their requests; audited with before and after.
     */
    public RequestSummary extend(long id, Instant start, Instant end) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = ownUndecided(me, id);
        if (start == null || end == null) {
            throw new RequestRefused(List.of("request.problem.window"), id);
        }
        Instant now = clock.instant();
        Instant from = (start.isBefore(request.requestedStart()) ? start : request.requestedStart())
                .truncatedTo(ChronoUnit.MINUTES);
        Instant to =
                (end.isAfter(request.requestedEnd()) ? end : request.requestedEnd()).truncatedTo(ChronoUnit.MINUTES);
        List<String> problems = new java.util.ArrayList<>(policy.check(
                from.isBefore(now) ? now : from,
                to,
                Set.of(request.sessionTypes().split(",")),
                request.reason() == null ? "(asked after a denied logon)" : request.reason(),
                now));
        if (java.time.Duration.between(from, to).compareTo(policy.maxLength()) > 0
                && !problems.contains("request.problem.tooLong")) {
            problems.add("request.problem.tooLong");
        }
        if (!problems.isEmpty()) {
            throw new RequestRefused(problems, id);
        }
        Optional<ExtensionRequest> other = overlappingAll(me.guid().toString(), from, to, OPEN_OR_GRANTED, 2).stream()
                .filter(r -> !r.id().equals(request.id()))
                .findFirst();
        if (other.isPresent()) {
            throw new RequestRefused(
                    List.of("request.problem.overlaps"), other.get().id());
        }
        String before = window(request);
        request.widen(from, to, now);
        audit(ActorType.PERSON, me.account(), "request.extended", request, before + " -> " + window(request));
        return RequestSummary.of(request);
    }

    /**
     * The employee gives (or changes) the reason of their own undecided request, typically one a denied logon opened
     * (the mail about it links here); audited with before and after. A DRAFT (the wait-for-reason policy) goes to the
     * approver with it.
     */
    public RequestSummary explain(long id, String reason) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = ownUndecided(me, id);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new RequestRefused(List.of("request.problem.reason"), id);
        }
        String before = request.reason();
        request.explain(text, clock.instant());
        audit(
                ActorType.PERSON,
                me.account(),
                "request.reason",
                request,
                (before == null ? "(none)" : before) + " -> " + text);
        if (request.state() == RequestState.DRAFT) {
            submit(request, me, ActorType.PERSON, me.account(), "submitted with the employee's reason");
        }
        return RequestSummary.of(request);
    }

    /** My own request, locked, while it is undecided; anyone else's is refused as if it did not exist. */
    private ExtensionRequest ownUndecided(DirectoryPerson me, long id) {
        ExtensionRequest request =
                em.find(ExtensionRequest.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.requester().equals(me.guid())) {
            throw new AccessRefused("request " + id);
        }
        if (!OPEN.contains(request.state())) {
            throw new RequestRefused(List.of("request.problem.state." + request.state()), id);
        }
        return request;
    }

    /** The employee withdraws their own request before anyone decided. */
    public RequestSummary cancel(long id) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, id);
        if (request == null || !request.requester().equals(me.guid())) {
            throw new AccessRefused("request " + id);
        }
        move(request, RequestState.CANCELLED, ActorType.PERSON, me.account(), "withdrawn by the employee");
        return RequestSummary.of(request);
    }

    /**
     * The employee ends their own granted window early (REVOKED); the connector observes {@link RequestRevoked} and
     * queues what UserLock must undo in this transaction.
     */
    public RequestSummary endEarly(long id) {
        DirectoryPerson me = people.me();
        ExtensionRequest request = em.find(ExtensionRequest.class, id);
        if (request == null || !request.requester().equals(me.guid())) {
            throw new AccessRefused("request " + id);
        }
        move(request, RequestState.REVOKED, ActorType.PERSON, me.account(), "ended early by the employee");
        revoked.fire(new RequestRevoked(request.id(), request.requester()));
        return RequestSummary.of(request);
    }

    /**
     * Undecided requests whose window has passed become EXPIRED (F2), up to {@code max} per call. Claimed with
     * {@code FOR UPDATE SKIP LOCKED}, so two instances never expire the same request twice; a request being decided
     * right now is skipped and looked at again next time.
     */
    @SuppressWarnings("unchecked")
    public int expireOverdue(int max) {
        Instant now = clock.instant();
        List<Number> ids = em.createNativeQuery("SELECT id FROM extension_request WHERE state IN ('DRAFT', 'PENDING')"
                        + " AND window_end <= ? ORDER BY id FETCH FIRST " + Math.max(1, max)
                        + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, java.sql.Timestamp.from(now))
                .getResultList();
        for (Number id : ids) {
            ExtensionRequest request = em.find(ExtensionRequest.class, id.longValue());
            move(request, RequestState.EXPIRED, ActorType.SYSTEM, "requests", "the window ended without a decision");
        }
        return ids.size();
    }

    /**
     * Turns up to {@code max} waiting out-of-hours denials into requests (or attaches them to one), in one
     * transaction with their hand-over marks: a failure (the directory is down) rolls all of it back and the same
     * denials are taken again on the next run. Returns how many denials were handled.
     */
    public int processDenials(int max) {
        List<DeniedLogon> claimed = denials.claim(max);
        Instant now = clock.instant();
        for (DeniedLogon denial : claimed) {
            Long requestId = handle(denial, now);
            denials.markHandled(denial.notificationId(), requestId, now);
        }
        return claimed.size();
    }

    private Long handle(DeniedLogon denial, Instant now) {
        Optional<DirectoryPerson> person =
                denial.user() == null || denial.user().isBlank()
                        ? Optional.empty()
                        : directory.findByAccount(denial.account());
        if (person.isEmpty()) {
            // No audit entry per unknown user: a flood of denials for made-up names must not flood the chain. The
            // notification keeps the outcome (handled, no request).
            return null;
        }
        DirectoryPerson who = person.get();
        if (denialHours.inHoursFor(who, denial)) {
            // In hours under this person's own policy: another UserLock rule refused the logon, not one to extend.
            return null;
        }
        String guid = who.guid().toString();
        Optional<ExtensionRequest> covering = granted(guid, denial.at());
        if (covering.isPresent()) {
            ExtensionRequest request = covering.get();
            attach(request, denial);
            audit(
                    ActorType.SYSTEM,
                    "requests",
                    "request.denial-attached",
                    request,
                    "denied although approved: not yet in effect in UserLock (it refreshes about every 5 minutes)");
            return request.id();
        }
        Instant start = denial.at().truncatedTo(ChronoUnit.MINUTES);
        Instant end = policy.proposedEnd(start);
        Optional<ExtensionRequest> open = overlapping(guid, start, end, OPEN);
        if (open.isPresent()) {
            ExtensionRequest request = open.get();
            attach(request, denial);
            audit(ActorType.SYSTEM, "requests", "request.denial-attached", request, "another denial in the window");
            return request.id();
        }
        ExtensionRequest request = new ExtensionRequest(
                RequestOrigin.DENIAL,
                who.guid(),
                who.account(),
                who.displayName(),
                start,
                end,
                sessionTypeOf(denial),
                null,
                now);
        route(request, who);
        em.persist(request);
        em.flush();
        attach(request, denial);
        audit(
                ActorType.SYSTEM,
                "requests",
                "request.opened",
                request,
                "after a denied logon on " + denial.computer() + ": " + window(request));
        if (policy.submitsDenialsAtOnce()) {
            submit(request, who, ActorType.SYSTEM, "requests", "submitted at once (policy)");
        }
        opened.fire(RequestOpened.of(request));
        return request.id();
    }

    private void attach(ExtensionRequest request, DeniedLogon denial) {
        request.recordDenial(denial.computer(), denial.clientAddress(), denial.sessionType());
        em.persist(new RequestDenial(
                request.id(),
                denial.notificationId(),
                denial.at(),
                denial.computer(),
                denial.clientAddress(),
                denial.sessionType()));
    }

    private void route(ExtensionRequest request, DirectoryPerson person) {
        ApproverResolution approver = directory.resolveApprover(person);
        request.routeTo(
                approver.approver().map(DirectoryPerson::guid).orElse(null),
                approver.approver().map(DirectoryPerson::displayName).orElse(null),
                approver.fallbackGroup(),
                approver.reason().name());
    }

    /**
     * Makes a new request PENDING, in the transaction that opened it. A matching auto-approval rule then approves it at
     * once, as the system, naming the rule; otherwise its reminder and escalation timers start and
     * {@link RequestSubmitted} tells the approver's mail. Returns the rule's name, or null.
     */
    private String submit(
            ExtensionRequest request, DirectoryPerson who, ActorType actorType, String actor, String why) {
        move(request, RequestState.PENDING, actorType, actor, why);
        Instant now = clock.instant();
        Instant since = AutoApprovalRules.monthStart(now, ZoneId.of(displayZone));
        Optional<Rule> rule = autoApproval.match(
                who::isMemberOf,
                request.length(),
                r -> autoApproval.approvedSince(who.guid().toString(), r, since));
        // As for a late approval by a person (F2): the part of the window already gone is not given.
        Instant from =
                request.windowStart().isBefore(now) ? now.truncatedTo(ChronoUnit.MINUTES) : request.windowStart();
        if (rule.isEmpty() || !request.windowEnd().isAfter(from)) {
            timers.start(request, now);
            submitted.fire(RequestSubmitted.of(request));
            return null;
        }
        request.grant(from, request.windowEnd(), now);
        em.persist(RequestDecision.byRule(
                request.id(), rule.get().name(), rule.get().shownAs(), now, from, request.windowEnd()));
        move(
                request,
                RequestState.APPROVED,
                ActorType.SYSTEM,
                "auto-approval",
                "approved automatically by rule " + rule.get().name() + " (windows up to "
                        + rule.get().maxDuration().toMinutes() + " min, "
                        + rule.get().maxPerMonth() + " a month): "
                        + request.windowStart() + " to " + request.windowEnd());
        timers.startEndingSoon(request, now);
        decided.fire(RequestDecided.of(request, true, null, rule.get().shownAs(), null, List.of()));
        return rule.get().name();
    }

    private void move(ExtensionRequest request, RequestState next, ActorType actorType, String actor, String why) {
        RequestState from = request.state();
        try {
            request.enter(RequestLifecycle.move(from, next), clock.instant());
        } catch (IllegalTransition e) {
            throw new RequestRefused(List.of("request.problem.state." + from), request.id());
        }
        audit(
                actorType,
                actor,
                "request." + next.name().toLowerCase(Locale.ROOT),
                request,
                from + " -> " + next + (why == null ? "" : ": " + why));
    }

    private Optional<ExtensionRequest> overlapping(
            String requester, Instant start, Instant end, Set<RequestState> states) {
        return overlappingAll(requester, start, end, states, 1).stream().findFirst();
    }

    private List<ExtensionRequest> overlappingAll(
            String requester, Instant start, Instant end, Set<RequestState> states, int max) {
        return em.createQuery(
                        "SELECT r FROM ExtensionRequest r WHERE r.requesterGuid = :me AND r.state IN :states AND"
                                + " r.windowStart < :end AND r.windowEnd > :start ORDER BY r.windowStart",
                        ExtensionRequest.class)
                .setParameter("me", requester)
                .setParameter("states", states)
                .setParameter("start", start)
                .setParameter("end", end)
                .setMaxResults(max)
                .getResultList();
    }

    private Optional<ExtensionRequest> granted(String requester, Instant moment) {
        return overlapping(requester, moment, moment.plusNanos(1000), GRANTED).filter(r -> r.covers(moment));
    }

    private String sessionTypeOf(DeniedLogon denial) {
        String type =
                denial.sessionType() == null ? "" : denial.sessionType().strip().toUpperCase(Locale.ROOT);
        return policy.sessionTypes().contains(type) ? type : String.join(",", policy.sessionTypes());
    }

    private void audit(ActorType type, String actor, String action, ExtensionRequest request, String details) {
        auditLog.append(new AuditRecord(type, actor, action, "request " + request.id(), details)
                .about(Concerning.request(request.id(), request.requester(), request.requesterAccount())));
    }

    private static String window(ExtensionRequest request) {
        return request.windowStart() + " to " + request.windowEnd() + " ("
                + request.length().toMinutes() + " min, " + request.sessionTypes() + ")";
    }

    private static Set<String> upper(Set<String> types) {
        Set<String> out = new TreeSet<>();
        types.forEach(t -> out.add(t.strip().toUpperCase(Locale.ROOT)));
        return out;
    }
}
