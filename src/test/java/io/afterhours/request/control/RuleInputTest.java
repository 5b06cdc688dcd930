package io.afterhours.request.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.request.control.AutoApprovalRules.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an administrator types for an auto-approval rule, and how the portal's rules are ordered behind configuration's. */
class RuleInputTest {

    private static final Duration MAX = Duration.ofHours(8);

    @Test
    void acceptsAGoodRuleAndNormalisesIt() {
        RuleInput.Checked checked = RuleInput.check(" night_2 ", " Night-Ops ", "pt90m", " 3 ", MAX);

        assertEquals(List.of(), checked.problems());
        assertEquals(Optional.of(new Rule("night_2", "Night-Ops", Duration.ofMinutes(90), 3)), checked.rule());
        assertEquals(
                "group Night-Ops, windows up to PT1H30M, 3 per month",
                RuleInput.describe(checked.rule().get()));
    }

    @Test
    void refusesEveryBadFieldAtOnceWithItsReason() {
        RuleInput.Checked checked = RuleInput.check("-bad name", " ", "one hour", "0", MAX);

        assertEquals(Optional.empty(), checked.rule());
        assertEquals(
                List.of(
                        "autoApproval.problem.name",
                        "autoApproval.problem.group",
                        "autoApproval.problem.duration|PT8H",
                        "autoApproval.problem.perMonth|1000"),
                checked.problems());
    }

    @Test
    void theLongestWindowIsPositiveAndAtMostTheMaximumRequestLength() {
        assertEquals(List.of(), RuleInput.check("r", "G", "PT8H", "1", MAX).problems());
        for (String bad : new String[] {"PT8H1M", "PT0S", "-PT1H", "", "P1D", "8h"}) {
            assertEquals(
                    List.of("autoApproval.problem.duration|PT8H"),
                    RuleInput.check("r", "G", bad, "1", MAX).problems(),
                    bad);
        }
    }

    @Test
    void timesPerMonthIsAWholeNumberFromOneToTheCap() {
        assertEquals(List.of(), RuleInput.check("r", "G", "PT1H", "1000", MAX).problems());
        for (String bad : new String[] {"0", "1001", "-1", "2.5", "two", "", null}) {
            assertEquals(
                    List.of("autoApproval.problem.perMonth|1000"),
                    RuleInput.check("r", "G", "PT1H", bad, MAX).problems(),
                    String.valueOf(bad));
        }
        assertTrue(RuleInput.check("x".repeat(41), "G", "PT1H", "1", MAX)
                .problems()
                .contains("autoApproval.problem.name"));
    }

    @Test
    void movesOnePlaceUpOrDownAndNotPastEitherEnd() {
        List<String> order = List.of("a", "b", "c");

        assertEquals(Optional.of(List.of("b", "a", "c")), RuleInput.moved(order, 1, true));
        assertEquals(Optional.of(List.of("a", "c", "b")), RuleInput.moved(order, 1, false));
        assertEquals(Optional.empty(), RuleInput.moved(order, 0, true));
        assertEquals(Optional.empty(), RuleInput.moved(order, 2, false));
        assertEquals(Optional.empty(), RuleInput.moved(order, -1, false));
    }

    @Test
    void configurationRulesAreTriedBeforeThePortalRules() {
        Rule configured = new Rule("night-ops", "Night-Ops", Duration.ofMinutes(30), 1);
        Rule saved = new Rule("portal", "Night-Ops", Duration.ofHours(1), 5);
        AutoApprovalRules rules = AutoApprovalRules.of(List.of(configured), List.of(saved));

        assertEquals(List.of(configured, saved), rules.rules());
        assertEquals(List.of(configured), rules.configured());
        assertEquals(
                Optional.of(configured), rules.match(Set.of("Night-Ops")::contains, Duration.ofMinutes(20), r -> 0));
        assertEquals(Optional.of(saved), rules.match(Set.of("Night-Ops")::contains, Duration.ofMinutes(45), r -> 0));
        assertEquals(
                Optional.of(saved),
                rules.match(Set.of("Night-Ops")::contains, Duration.ofMinutes(20), r -> r == configured ? 1 : 0));
    }
}
