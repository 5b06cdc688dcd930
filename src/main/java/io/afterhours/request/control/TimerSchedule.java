package io.afterhours.request.control;

import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestTimer;
import io.afterhours.request.entity.RequestTimer.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a pending request is reminded and escalated (product.md F3): the reminder {@code reminder-after} after it was
 * submitted; the escalation {@code escalate-after} after it, or when its window starts if that is sooner, but never
 * before it was submitted (a window that has already started, as one opened by a denial, escalates at once). The
 * timers are rows written in the caller's transaction, the one that makes the request PENDING.
 */
@ApplicationScoped
public class TimerSchedule {

    @Inject
    @ConfigProperty(name = "afterhours.request.reminder-after")
    Duration reminderAfter;

    @Inject
    @ConfigProperty(name = "afterhours.request.escalate-after")
    Duration escalateAfter;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void load() {
        if (reminderAfter.isNegative() || escalateAfter.isNegative()) {
            throw new IllegalStateException(
                    "afterhours.request.reminder-after and escalate-after must not be negative");
        }
    }

    public static TimerSchedule of(Duration reminderAfter, Duration escalateAfter) {
        TimerSchedule schedule = new TimerSchedule();
        schedule.reminderAfter = reminderAfter;
        schedule.escalateAfter = escalateAfter;
        schedule.load();
        return schedule;
    }

    /** Writes the request's reminder and escalation rows; the request must have its id already. */
    public void start(ExtensionRequest request, Instant submitted) {
        em.persist(new RequestTimer(request.id(), Kind.REMIND, reminderDue(submitted)));
        em.persist(new RequestTimer(request.id(), Kind.ESCALATE, escalationDue(submitted, request.windowStart())));
    }

    public Instant reminderDue(Instant submitted) {
        return submitted.plus(reminderAfter);
    }

    public Instant escalationDue(Instant submitted, Instant windowStart) {
        Instant due = submitted.plus(escalateAfter);
        if (windowStart.isBefore(due)) {
            due = windowStart;
        }
        return due.isBefore(submitted) ? submitted : due;
    }
}
