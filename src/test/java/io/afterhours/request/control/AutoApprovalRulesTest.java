package io.afterhours.request.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.request.control.AutoApprovalRules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Auto-approval rules (F3): group, longest window, monthly cap, tried in order; none unless configured. */
class AutoApprovalRulesTest {

    private static final Rule NIGHT_OPS = new Rule("night-ops", "Night-Ops", Duration.ofHours(1), 3);
    private static final Rule SUPPORT = new Rule("support", "Support", Duration.ofMinutes(30), 1);
    private final AutoApprovalRules rules = AutoApprovalRules.of(List.of(NIGHT_OPS, SUPPORT));

    @Test
    void approvesAMemberOfTheGroupForAWindowUpToTheLongestAllowed() {
        assertEquals(Optional.of(NIGHT_OPS), match(Set.of("night-ops"), Duration.ofHours(1), 0));
    }

    @Test
    void leavesLongerWindowsAndOtherGroupsToTheApprover() {
        assertEquals(Optional.empty(), match(Set.of("Night-Ops"), Duration.ofMinutes(61), 0));
        assertEquals(Optional.empty(), match(Set.of("Directors"), Duration.ofMinutes(10), 0));
    }

    @Test
    void stopsAtTheMonthlyCap() {
        assertEquals(Optional.of(NIGHT_OPS), match(Set.of("Night-Ops"), Duration.ofMinutes(30), 2));
        assertEquals(Optional.empty(), match(Set.of("Night-Ops"), Duration.ofMinutes(30), 3));
    }

    @Test
    void triesTheRulesInOrderAndCountsEachRuleOnItsOwn() {
        Map<String, Long> used = Map.of("night-ops", 3L, "support", 0L);

        Optional<Rule> rule =
                rules.match(Set.of("Night-Ops", "Support")::contains, Duration.ofMinutes(20), r -> used.get(r.name()));

        assertEquals(Optional.of(SUPPORT), rule);
        assertEquals("Afterhours (rule: support)", rule.get().shownAs());
    }

    @Test
    void readsNamedRulesFromTheConfigurationAndNoneByDefault() {
        Map<String, String> config = Map.of(
                "afterhours.request.auto-approve.rules", " night-ops ,",
                "afterhours.request.auto-approve.night-ops.group", "Night-Ops",
                "afterhours.request.auto-approve.night-ops.max-duration", "PT1H",
                "afterhours.request.auto-approve.night-ops.max-per-month", "3");

        assertEquals(List.of(NIGHT_OPS), AutoApprovalRules.read(key -> Optional.ofNullable(config.get(key))));
        assertEquals(List.of(), AutoApprovalRules.read(key -> Optional.empty()));
    }

    @Test
    void aRuleWithAMissingOrBadSettingStopsTheDeploymentNamingTheKey() {
        Map<String, String> config = Map.of(
                "afterhours.request.auto-approve.rules", "short",
                "afterhours.request.auto-approve.short.group", "Night-Ops",
                "afterhours.request.auto-approve.short.max-duration", "PT1H");

        IllegalStateException missing = assertThrows(
                IllegalStateException.class, () -> AutoApprovalRules.read(key -> Optional.ofNullable(config.get(key))));
        assertTrue(missing.getMessage().contains("short.max-per-month"), missing.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> AutoApprovalRules.read(key -> Optional.of(key.endsWith("rules") ? "a b" : "1")));
    }

    @Test
    void theMonthStartsAtMidnightOnTheFirstInTheZone() {
        Instant now = Instant.parse("2026-11-30T23:30:00Z"); // already 1 December in Paris

        assertEquals(
                Instant.parse("2026-11-30T23:00:00Z"), AutoApprovalRules.monthStart(now, ZoneId.of("Europe/Paris")));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), AutoApprovalRules.monthStart(now, ZoneId.of("UTC")));
    }

    private Optional<Rule> match(Set<String> groups, Duration window, long used) {
        return rules.match(g -> groups.stream().anyMatch(g::equalsIgnoreCase), window, r -> used);
    }
}
