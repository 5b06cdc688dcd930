package io.afterhours.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.admin.boundary.HealthFacts;
import io.afterhours.admin.boundary.SystemHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HealthSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private static HealthFacts facts(long depth) {
        return new HealthFacts(NOW, depth, Duration.ofMinutes(5), 0, 0, null, 0, true, null);
    }

    private HealthSnapshot snapshot(SystemHealth health, Instant now) {
        HealthSnapshot snapshot = new HealthSnapshot();
        snapshot.health = health;
        snapshot.clock = Clock.fixed(now, ZoneOffset.UTC);
        return snapshot;
    }

    @Test
    void oneReadingServesEveryProbeForFiveSecondsAndForgetReadsAgain() {
        SystemHealth health = mock(SystemHealth.class);
        when(health.facts()).thenReturn(facts(1), facts(2));
        HealthSnapshot snapshot = snapshot(health, NOW);

        assertEquals(1, snapshot.current().orElseThrow().outboxDepth());
        assertEquals(1, snapshot.current().orElseThrow().outboxDepth());
        verify(health, times(1)).facts();

        snapshot.forget();
        assertEquals(2, snapshot.current().orElseThrow().outboxDepth());
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNoReading() {
        SystemHealth health = mock(SystemHealth.class);
        when(health.facts()).thenThrow(new IllegalStateException("connection refused"));
        assertTrue(snapshot(health, NOW).current().isEmpty());
    }

    @Test
    void gaugesSayMinusOneForNothingToMeasure() {
        assertEquals(-1, HealthMetrics.seconds(null));
        assertEquals(90, HealthMetrics.seconds(Duration.ofSeconds(90)));
    }
}
