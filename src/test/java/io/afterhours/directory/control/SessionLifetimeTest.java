package io.afterhours.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.afterhours.directory.control.SessionLifetime.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-28T08:00:00Z");
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(10), Duration.ofMinutes(1));

    @Test
    void carriesOnBetweenChecks() {
        assertEquals(Verdict.CONTINUE, lifetime.judge(SIGNED_IN, SIGNED_IN, SIGNED_IN.plusSeconds(59)));
    }

    @Test
    void looksTheAccountUpAgainOnceTheRecheckIntervalHasPassed() {
        assertEquals(Verdict.RECHECK, lifetime.judge(SIGNED_IN, SIGNED_IN, SIGNED_IN.plusSeconds(60)));
        assertEquals(Verdict.CONTINUE, lifetime.judge(SIGNED_IN, SIGNED_IN.plusSeconds(60), SIGNED_IN.plusSeconds(61)));
    }

    @Test
    void endsAtTheAbsoluteLifetimeHoweverRecentlyChecked() {
        Instant end = SIGNED_IN.plus(Duration.ofHours(10));
        assertEquals(Verdict.RECHECK, lifetime.judge(SIGNED_IN, SIGNED_IN, end.minusMillis(1)));
        assertEquals(Verdict.EXPIRED, lifetime.judge(SIGNED_IN, end.minusMillis(1), end));
        assertEquals(Verdict.EXPIRED, lifetime.judge(SIGNED_IN, end, end.plusSeconds(3600)));
    }

    @Test
    void refusesLifetimesThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionLifetime(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(
                IllegalArgumentException.class, () -> new SessionLifetime(Duration.ofHours(1), Duration.ofMinutes(-1)));
    }
}
