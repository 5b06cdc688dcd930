package io.afterhours.request.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");
    private final RequestPolicy policy = RequestPolicy.of(
            Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(14), "workstation, TERMINAL", true, "at-once");

    @Test
    void acceptsAWindowWithinTheRules() {
        assertEquals(List.of(), check(NOW.plusSeconds(600), NOW.plusSeconds(600 + 7200), Set.of("Workstation"), "x"));
    }

    @Test
    void namesEveryProblemAtOnce() {
        List<String> problems =
                check(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(9)), Set.of("IIS"), " ");

        assertEquals(
                List.of(
                        "request.problem.past",
                        "request.problem.tooLong",
                        "request.problem.sessionType",
                        "request.problem.reason"),
                problems);
    }

    @Test
    void refusesAnEndBeforeTheStartAndAStartTooFarAhead() {
        assertTrue(check(NOW.plusSeconds(60), NOW, Set.of("TERMINAL"), "x").contains("request.problem.endBeforeStart"));
        Instant farAhead = NOW.plus(Duration.ofDays(15));
        assertEquals(
                List.of("request.problem.tooFarAhead"),
                check(farAhead, farAhead.plusSeconds(3600), Set.of("TERMINAL"), "x"));
    }

    @Test
    void aStartAMomentAgoStillCountsAsNow() {
        assertEquals(List.of(), check(NOW.minusSeconds(120), NOW.plusSeconds(3600), Set.of("TERMINAL"), "x"));
    }

    @Test
    void asksForAWindowAndASessionType() {
        assertEquals(List.of("request.problem.window"), check(null, NOW, Set.of("TERMINAL"), "x"));
        assertTrue(check(NOW, NOW.plusSeconds(60), Set.of(), "x").contains("request.problem.noSessionType"));
    }

    @Test
    void aDenialProposesTheDefaultLength() {
        assertEquals(NOW.plus(Duration.ofHours(2)), policy.proposedEnd(NOW));
        assertTrue(policy.submitsDenialsAtOnce());
    }

    @Test
    void refusesANonsensicalPolicyAtStartUp() {
        assertThrows(
                IllegalStateException.class,
                () -> RequestPolicy.of(
                        Duration.ofHours(9), Duration.ofHours(8), Duration.ofDays(1), "X", true, "at-once"));
        assertThrows(
                IllegalStateException.class,
                () -> RequestPolicy.of(
                        Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(1), " ", true, "at-once"));
        assertThrows(
                IllegalStateException.class,
                () -> RequestPolicy.of(
                        Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(1), "X", true, "later"));
    }

    private List<String> check(Instant start, Instant end, Set<String> types, String reason) {
        return policy.check(start, end, types, reason, NOW);
    }
}
