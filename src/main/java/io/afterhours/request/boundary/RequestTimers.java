package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestState;
import io.afterhours.request.entity.RequestTimer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reminders and escalations of pending requests (product.md F3), from the job rows written when each request was
 * submitted. {@link #claimDue} takes due timers with {@code FOR UPDATE SKIP LOCKED} and gives them a lease, so two
 * instances never take the same one; {@link #fire} then handles one timer in its own transaction, holding the timer
 * and the request locked, and does nothing for a timer already done (a lease that ran out while the first worker was
 * still at it). A timer whose request is no longer pending is just marked done.
 */
@ApplicationScoped
@Transactional
public class RequestTimers {

    /** How long a claim keeps other workers off a timer; a timer that failed is tried again after it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    Event<RequestReminded> reminded;

    @Inject
    Event<RequestEscalated> escalated;

    @Inject
    Event<RequestEndingSoon> endingSoon;

    /** Claims up to {@code max} due timers for this worker and returns their ids, oldest due first. */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(int max) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Number> ids = em.createNativeQuery("SELECT id FROM request_timer WHERE done_at IS NULL AND due_at <= ?"
                        + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY due_at, id FETCH FIRST "
                        + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, now)
                .getResultList();
        Timestamp until = Timestamp.from(clock.instant().plus(LEASE));
        for (Number id : ids) {
            em.createNativeQuery("UPDATE request_timer SET claimed_until = ? WHERE id = ?")
                    .setParameter(1, until)
                    .setParameter(2, id.longValue())
                    .executeUpdate();
        }
        return ids.stream().map(Number::longValue).toList();
    }

    /** Fires one claimed timer; returns whether it reminded, escalated or warned anyone. */
    public boolean fire(long timerId) {
        RequestTimer timer = em.find(RequestTimer.class, timerId, LockModeType.PESSIMISTIC_WRITE);
        if (timer == null || timer.isDone()) {
            return false;
        }
        Instant now = clock.instant();
        timer.done(now);
        ExtensionRequest request = em.find(ExtensionRequest.class, timer.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (timer.kind() == RequestTimer.Kind.ENDING_SOON) {
            // Revoked, ended or failed since it was approved: there is nothing left to end.
            if (!request.state().isGranted() || !request.windowEnd().isAfter(now)) {
                return false;
            }
            endingSoon.fire(new RequestEndingSoon(
                    request.id(),
                    request.requester(),
                    request.requesterName(),
                    request.windowStart(),
                    request.windowEnd()));
            return true;
        }
        if (request.state() != RequestState.PENDING) {
            return false;
        }
        if (timer.kind() == RequestTimer.Kind.REMIND) {
            request.remind(now);
            audit("request.reminded", request, "still waiting for a decision from " + approverOf(request));
            reminded.fire(new RequestReminded(RequestSubmitted.of(request)));
        } else {
            escalate(request, now);
            escalated.fire(new RequestEscalated(new RequestSubmitted(
                    request.id(),
                    request.requesterName(),
                    request.escalatedTo(),
                    request.escalatedToName(),
                    request.escalatedToGroup(),
                    request.windowStart(),
                    request.windowEnd(),
                    request.reason(),
                    request.denialComputer())));
        }
        return true;
    }

    /**
     * Escalates to the current approver's own approver, as the directory says now; to the fallback group when there is
     * none (the approver is the fallback group already, has no usable manager, or the chain leads back to the
     * requester, or the requester has left the directory).
     */
    private void escalate(ExtensionRequest request, Instant now) {
        Optional<ApproverResolution> current =
                directory.findByGuid(request.requester()).map(directory::resolveApprover);
        Optional<DirectoryPerson> next = current.flatMap(ApproverResolution::approver)
                .map(directory::resolveApprover)
                .flatMap(ApproverResolution::approver)
                .filter(p -> !p.guid().equals(request.requester()));
        String group = next.isPresent() ? null : directory.fallbackApproverGroup();
        request.escalateTo(
                next.map(DirectoryPerson::guid).orElse(null),
                next.map(DirectoryPerson::displayName).orElse(null),
                group,
                now);
        audit(
                "request.escalated",
                request,
                "no decision from " + approverOf(request) + ": escalated to "
                        + next.map(DirectoryPerson::displayName).orElse("the group " + group));
    }

    private static String approverOf(ExtensionRequest request) {
        return request.approverName() != null ? request.approverName() : "the group " + request.approverGroup();
    }

    private void audit(String action, ExtensionRequest request, String details) {
        auditLog.append(AuditRecord.system("timers", action, "request " + request.id(), details)
                .about(Concerning.request(request.id(), request.requester(), request.requesterAccount())));
    }
}
