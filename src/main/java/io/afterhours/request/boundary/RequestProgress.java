package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.request.control.RequestLifecycle;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The states the UserLock connector moves requests through (issue 6): APPROVED → APPLYING when a bridge takes the
 * action, → SCHEDULED or ACTIVE when it confirms it, → FAILED when it is given up, and the clock's ACTIVE and ENDED.
 * Each move goes through {@link RequestLifecycle} and is audited; a request in another state is left alone (it was
 * revoked meanwhile, or is already further on), never forced.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RequestProgress {

    /** The states whose window UserLock should hold: granted, or granted but not applied yet. */
    static final Set<RequestState> LIVE = EnumSet.of(
            RequestState.APPROVED,
            RequestState.APPLYING,
            RequestState.SCHEDULED,
            RequestState.ACTIVE,
            RequestState.FAILED);

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    Event<RequestApplied> applied;

    @Inject
    Event<RequestApplyFailed> applyFailed;

    /** The windows UserLock should hold for this person: live requests whose window has not ended. */
    public List<GrantedWindow> liveWindows(UUID requester) {
        return em
                .createQuery(
                        "SELECT r FROM ExtensionRequest r WHERE r.requesterGuid = :guid AND r.state IN :states"
                                + " AND r.windowEnd > :now ORDER BY r.windowStart, r.id",
                        ExtensionRequest.class)
                .setParameter("guid", requester.toString())
                .setParameter("states", LIVE)
                .setParameter("now", clock.instant())
                .getResultList()
                .stream()
                .map(r -> new GrantedWindow(
                        r.id(), r.requesterAccount(), r.windowStart(), r.windowEnd(), r.sessionTypes()))
                .toList();
    }

    /** A bridge took the action for these requests. */
    public void applying(Collection<Long> ids, String why) {
        for (ExtensionRequest request : locked(ids)) {
            if (request.state() == RequestState.APPROVED || request.state() == RequestState.FAILED) {
                move(request, RequestState.APPLYING, why);
            }
        }
    }

    /** UserLock holds the window of these requests now: SCHEDULED, or ACTIVE once it has started. */
    public void confirmed(Collection<Long> ids, String why) {
        Instant now = clock.instant();
        for (ExtensionRequest request : locked(ids)) {
            RequestState from = request.state();
            if (from == RequestState.APPROVED || from == RequestState.FAILED) {
                move(request, RequestState.APPLYING, why);
            }
            if (request.state() == RequestState.APPLYING) {
                RequestState next = request.windowStart().isAfter(now) ? RequestState.SCHEDULED : RequestState.ACTIVE;
                move(request, next, why);
                applied.fire(new RequestApplied(
                        request.id(),
                        request.requester(),
                        request.requesterName(),
                        next,
                        request.windowStart(),
                        request.windowEnd()));
            }
        }
    }

    /** UserLock could not be made to hold the window of these requests: they are FAILED. */
    public void failed(Collection<Long> ids, String error) {
        for (ExtensionRequest request : locked(ids)) {
            if (request.state() == RequestState.APPROVED) {
                move(request, RequestState.APPLYING, "leased");
            }
            if (request.state() == RequestState.APPLYING) {
                move(request, RequestState.FAILED, "could not be applied in UserLock: " + error);
                applyFailed.fire(new RequestApplyFailed(
                        request.id(),
                        request.requester(),
                        request.requesterName(),
                        request.windowStart(),
                        request.windowEnd(),
                        error));
            }
        }
    }

    /**
     * The clock's moves, up to {@code max} each: SCHEDULED becomes ACTIVE when its window starts; APPROVED, SCHEDULED
     * and ACTIVE become ENDED when it has passed. Returns how many moved.
     */
    @Transactional
    public int tick(int max) {
        Instant now = clock.instant();
        int moved = 0;
        for (ExtensionRequest request : due("state = 'SCHEDULED' AND window_start <= ? AND window_end > ?", now, max)) {
            move(request, RequestState.ACTIVE, "the window started");
            moved++;
        }
        for (ExtensionRequest request :
                due("state IN ('APPROVED', 'SCHEDULED', 'ACTIVE') AND window_end <= ?", now, max)) {
            move(request, RequestState.ENDED, "the window passed");
            moved++;
        }
        return moved;
    }

    /**
     * Locks up to {@code max} due rows, skipping those another instance holds. SQL rather than JPQL: EclipseLink
     * renders a locked, limited JPQL query as "FOR UPDATE LIMIT", which H2 refuses.
     */
    @SuppressWarnings("unchecked")
    private List<ExtensionRequest> due(String where, Instant now, int max) {
        Query query = em.createNativeQuery("SELECT id FROM extension_request WHERE " + where
                + " ORDER BY id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED");
        // Every "?" of the condition is the same moment: now.
        for (int i = 1; i <= where.chars().filter(c -> c == '?').count(); i++) {
            query.setParameter(i, java.sql.Timestamp.from(now));
        }
        List<Number> ids = query.getResultList();
        return locked(ids.stream().map(Number::longValue).toList());
    }

    private List<ExtensionRequest> locked(Collection<Long> ids) {
        return ids.stream()
                .sorted()
                .map(id -> em.find(ExtensionRequest.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private void move(ExtensionRequest request, RequestState next, String why) {
        RequestState from = request.state();
        request.enter(RequestLifecycle.move(from, next), clock.instant());
        auditLog.append(AuditRecord.system(
                        "connector",
                        "request." + next.name().toLowerCase(java.util.Locale.ROOT),
                        "request " + request.id(),
                        from + " -> " + next + ": " + why)
                .about(Concerning.request(request.id(), request.requester(), request.requesterAccount())));
    }
}
