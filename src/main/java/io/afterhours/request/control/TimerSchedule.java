package io.afterhours.request.control;

import io.afterhours.admin.boundary.Settings;
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
 * before the reminder: the approver always has that long on their own, even for a window that has already started
 * (every request opened by a denied logon), so the manager's manager is not woken by every denial. The timers are
 * rows written in the caller's transaction, the one that makes the request PENDING.
 */
@ApplicationScoped
public class TimerSchedule {

    @Inject
    @ConfigProperty(name = "afterhours.request.reminder-after")
    Duration reminderAfter;

    @Inject
    @ConfigProperty(name = "afterhours.request.escalate-after")
    Duration escalateAfter;

    @Inject
    @ConfigProperty(name = "afterhours.mail.ending-soon")
    Duration endingSoon;

    @PersistenceContext
    EntityManager em;

    /** Absent in unit tests built with {@link #of}: the values above apply then. */
    @Inject
    Settings settings;

    @PostConstruct
    void load() {
        if (reminderAfter.isNegative() || escalateAfter.isNegative()) {
            throw new IllegalStateException(
                    "afterhours.request.reminder-after and escalate-after must not be negative");
        }
    }

    public static TimerSchedule of(Duration reminderAfter, Duration escalateAfter) {
        return of(reminderAfter, escalateAfter, Duration.ZERO);
    }

    public static TimerSchedule of(Duration reminderAfter, Duration escalateAfter, Duration endingSoon) {
        TimerSchedule schedule = new TimerSchedule();
        schedule.reminderAfter = reminderAfter;
        schedule.escalateAfter = escalateAfter;
        schedule.endingSoon = endingSoon;
        schedule.load();
        return schedule;
    }

    /** Writes the request's reminder and escalation rows; the request must have its id already. */
    public void start(ExtensionRequest request, Instant submitted) {
        em.persist(new RequestTimer(request.id(), Kind.REMIND, reminderDue(submitted)));
        em.persist(new RequestTimer(request.id(), Kind.ESCALATE, escalationDue(submitted, request.windowStart())));
    }

    /**
     * Writes the "ends soon" row of a request just granted, in the approving transaction: {@code ending-soon} before
     * its end, only when that moment falls after the approval and inside the window (a window shorter than the lead
     * would warn as it opens). Returns whether a row was written.
     */
    public boolean startEndingSoon(ExtensionRequest request, Instant approved) {
        Instant due = endingSoonDue(request.windowStart(), request.windowEnd(), approved);
        if (due == null) {
            return false;
        }
        em.persist(new RequestTimer(request.id(), Kind.ENDING_SOON, due));
        return true;
    }

    /** When to say a window ends soon, or null for never (disabled, or the window is too short or nearly over). */
    public Instant endingSoonDue(Instant windowStart, Instant windowEnd, Instant approved) {
        if (endingSoon() == null || endingSoon().isZero() || endingSoon().isNegative()) {
            return null;
        }
        Instant due = windowEnd.minus(endingSoon());
        return due.isAfter(approved) && due.isAfter(windowStart) ? due : null;
    }

    public Instant reminderDue(Instant submitted) {
        return submitted.plus(reminderAfter());
    }

    public Instant escalationDue(Instant submitted, Instant windowStart) {
        Duration remind = reminderAfter();
        Duration escalate = escalateAfter();
        Instant due = submitted.plus(escalate);
        if (windowStart.isBefore(due)) {
            due = windowStart;
        }
        Instant earliest = submitted.plus(remind.compareTo(escalate) < 0 ? remind : escalate);
        return due.isBefore(earliest) ? earliest : due;
    }

    /* The values an administrator may change on the Settings page are read through Settings on every use. */

    private Duration reminderAfter() {
        return settings == null ? reminderAfter : settings.duration("afterhours.request.reminder-after");
    }

    private Duration escalateAfter() {
        return settings == null ? escalateAfter : settings.duration("afterhours.request.escalate-after");
    }

    private Duration endingSoon() {
        return settings == null ? endingSoon : settings.duration("afterhours.mail.ending-soon");
    }
}
