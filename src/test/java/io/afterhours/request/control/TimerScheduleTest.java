package io.afterhours.request.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When timers fall due (F3): reminder after N, escalation after M or when the window starts, never in the past. */
class TimerScheduleTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-28T20:00:00Z");
    private final TimerSchedule schedule = TimerSchedule.of(Duration.ofMinutes(30), Duration.ofHours(2));

    @Test
    void remindsAfterTheReminderDelay() {
        assertEquals(Instant.parse("2026-11-28T20:30:00Z"), schedule.reminderDue(SUBMITTED));
    }

    @Test
    void escalatesAfterTheEscalationDelayWhenTheWindowStartsLater() {
        Instant windowStart = Instant.parse("2026-11-29T08:00:00Z");

        assertEquals(Instant.parse("2026-11-28T22:00:00Z"), schedule.escalationDue(SUBMITTED, windowStart));
    }

    @Test
    void escalatesWhenTheWindowStartsIfThatIsSooner() {
        Instant windowStart = Instant.parse("2026-11-28T20:45:00Z");

        assertEquals(windowStart, schedule.escalationDue(SUBMITTED, windowStart));
    }

    @Test
    void aWindowThatHasAlreadyStartedEscalatesAtOnceNotInThePast() {
        Instant deniedAt = Instant.parse("2026-11-28T19:59:00Z");

        assertEquals(SUBMITTED, schedule.escalationDue(SUBMITTED, deniedAt));
    }

    @Test
    void refusesNegativeDelays() {
        assertThrows(IllegalStateException.class, () -> TimerSchedule.of(Duration.ofMinutes(-1), Duration.ZERO));
    }
}
