package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One audit entry per burst of refused notifications (reliability.md §1.8). */
class RejectionBurstsTest {

    private static final Instant T0 = Instant.parse("2024-03-05T20:00:00Z");

    private final RejectionBursts bursts = bursts();

    private static RejectionBursts bursts() {
        RejectionBursts bursts = new RejectionBursts();
        bursts.quiet = Duration.ofSeconds(30);
        bursts.maxLength = Duration.ofMinutes(15);
        bursts.clock = Clock.fixed(T0, ZoneOffset.UTC);
        return bursts;
    }

    private void recordAt(Instant at, RejectionReason reason) {
        bursts.clock = Clock.fixed(at, ZoneOffset.UTC);
        bursts.record(reason);
    }

    @Test
    void noRejectionMeansNoBurst() {
        assertNull(bursts.takeBurstIfOver(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void burstIsHeldDuringTheQuietPeriod() {
        recordAt(T0, RejectionReason.UNAUTHENTICATED);

        assertNull(bursts.takeBurstIfOver(T0.plusSeconds(29)));
    }

    @Test
    void eachRejectionRestartsTheQuietPeriod() {
        recordAt(T0, RejectionReason.UNAUTHENTICATED);
        recordAt(T0.plusSeconds(20), RejectionReason.UNAUTHENTICATED);

        assertNull(bursts.takeBurstIfOver(T0.plusSeconds(45)));
        assertNotNull(bursts.takeBurstIfOver(T0.plusSeconds(50)));
    }

    @Test
    void afterTheQuietPeriodOneBurstIsTakenWithCountsPerReason() {
        recordAt(T0, RejectionReason.UNAUTHENTICATED);
        recordAt(T0.plusSeconds(1), RejectionReason.MALFORMED);
        recordAt(T0.plusSeconds(2), RejectionReason.UNAUTHENTICATED);
        recordAt(T0.plusSeconds(3), RejectionReason.TOO_LARGE);

        RejectionBursts.Burst burst = bursts.takeBurstIfOver(T0.plusSeconds(33));

        assertEquals(
                Map.of(
                        RejectionReason.UNAUTHENTICATED,
                        2L,
                        RejectionReason.MALFORMED,
                        1L,
                        RejectionReason.TOO_LARGE,
                        1L),
                burst.counts());
        assertEquals(T0, burst.start());
        assertEquals(T0.plusSeconds(3), burst.end());
    }

    @Test
    void burstIsTakenOnlyOnce() {
        recordAt(T0, RejectionReason.UNAUTHENTICATED);
        bursts.takeBurstIfOver(T0.plusSeconds(30));

        assertNull(bursts.takeBurstIfOver(T0.plusSeconds(60)));
        assertNull(bursts.takeBurstIfOver(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void nextBurstStartsAfresh() {
        recordAt(T0, RejectionReason.UNAUTHENTICATED);
        recordAt(T0.plusSeconds(1), RejectionReason.UNAUTHENTICATED);
        RejectionBursts.Burst first = bursts.takeBurstIfOver(T0.plusSeconds(40));
        recordAt(T0.plusSeconds(100), RejectionReason.MALFORMED);

        RejectionBursts.Burst second = bursts.takeBurstIfOver(T0.plusSeconds(130));

        assertEquals(Map.of(RejectionReason.UNAUTHENTICATED, 2L), first.counts());
        assertEquals(Map.of(RejectionReason.MALFORMED, 1L), second.counts());
        assertEquals(T0.plusSeconds(100), second.start());
    }

    @Test
    void takenBurstIsNotChangedByLaterRejections() {
        recordAt(T0, RejectionReason.UNAUTHENTICATED);
        RejectionBursts.Burst burst = bursts.takeBurstIfOver(T0.plusSeconds(30));

        recordAt(T0.plusSeconds(31), RejectionReason.UNAUTHENTICATED);

        assertEquals(Map.of(RejectionReason.UNAUTHENTICATED, 1L), burst.counts());
    }

    @Test
    void longContinuousBurstIsCutAtTheMaximumLength() {
        // A rejection every 10 s never leaves a 30 s quiet period.
        Instant at = T0;
        int recorded = 0;
        while (at.isBefore(T0.plus(Duration.ofMinutes(15)))) {
            recordAt(at, RejectionReason.UNAUTHENTICATED);
            recorded++;
            assertNull(bursts.takeBurstIfOver(at.plusSeconds(5)), "still inside the burst at " + at);
            at = at.plusSeconds(10);
        }

        RejectionBursts.Burst burst = bursts.takeBurstIfOver(T0.plus(Duration.ofMinutes(15)));

        assertEquals(Map.of(RejectionReason.UNAUTHENTICATED, (long) recorded), burst.counts());
        assertEquals(T0, burst.start());
        assertEquals(T0.plus(Duration.ofMinutes(15)).minusSeconds(10), burst.end());
    }

    @Test
    void afterACutTheOngoingAttackFormsTheNextBurst() {
        for (int s = 0; s < 900; s += 10) {
            recordAt(T0.plusSeconds(s), RejectionReason.UNAUTHENTICATED);
        }
        bursts.takeBurstIfOver(T0.plusSeconds(900));
        recordAt(T0.plusSeconds(900), RejectionReason.UNAUTHENTICATED);

        assertNull(bursts.takeBurstIfOver(T0.plusSeconds(910)));
        RejectionBursts.Burst next = bursts.takeBurstIfOver(T0.plusSeconds(930));
        assertEquals(T0.plusSeconds(900), next.start());
        assertEquals(Map.of(RejectionReason.UNAUTHENTICATED, 1L), next.counts());
    }
}
