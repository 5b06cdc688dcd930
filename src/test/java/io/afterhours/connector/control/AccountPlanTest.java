package io.afterhours.connector.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.connector.control.AccountPlan.Account;
import io.afterhours.connector.control.AccountPlan.Grant;
import io.afterhours.connector.control.AccountPlan.Group;
import io.afterhours.connector.control.AccountPlan.Step;
import io.afterhours.connector.control.AccountPlan.StepType;
import io.afterhours.connector.control.AccountPlan.Window;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountPlanTest {

    private static final String GUID = "6f1c1d2e-0000-4000-8000-000000000001";
    private static final Instant T = Instant.parse("2026-12-02T20:00:00Z");

    private static Window w(int fromMinutes, int toMinutes) {
        return new Window(T.plusSeconds(60L * fromMinutes), T.plusSeconds(60L * toMinutes));
    }

    private static Grant g(long id, int from, int to) {
        return new Grant(id, w(from, to));
    }

    @Test
    void overlappingAndTouchingWindowsMergeAndSeparateOnesDoNot() {
        List<Group> groups = AccountPlan.merge(List.of(g(3, 200, 260), g(1, 0, 60), g(2, 60, 90), g(4, 30, 45)));

        assertEquals(2, groups.size());
        assertEquals(w(0, 90), groups.get(0).window());
        assertEquals(Set.of(1L, 2L, 4L), groups.get(0).requestIds());
        assertEquals(w(200, 260), groups.get(1).window());
    }

    @Test
    void aNewWindowGetsAKeyFromTheGuidAndItsLowestRequestAndNoPreviousWindow() {
        List<Step> steps = AccountPlan.diff(GUID, List.of(g(7, 0, 60)), List.of());

        assertEquals(1, steps.size());
        assertEquals(StepType.APPLY, steps.get(0).type());
        assertEquals(AccountPlan.keyOf(GUID, 7), steps.get(0).key());
        assertNull(steps.get(0).previous());
        assertTrue(steps.get(0).key().matches("AH-[0-9A-Z]{8}"));
        assertEquals(AccountPlan.keyOf(GUID, 7), AccountPlan.keyOf(GUID.toUpperCase(), 7), "stable");
        assertNotEquals(AccountPlan.keyOf(GUID, 7), AccountPlan.keyOf(GUID, 8));
    }

    @Test
    void nothingChangesWhenTheAccountsAlreadyHoldTheWindows() {
        Account applied = new Account("AH-1", w(0, 60), Set.of(7L), w(0, 60));

        assertEquals(List.of(), AccountPlan.diff(GUID, List.of(g(7, 0, 60)), List.of(applied)));
    }

    @Test
    void anOverlappingApprovalWidensTheAppliedAccountInPlace() {
        Account applied = new Account("AH-1", w(0, 60), Set.of(7L), w(0, 60));

        List<Step> steps = AccountPlan.diff(GUID, List.of(g(7, 0, 60), g(9, 30, 120)), List.of(applied));

        assertEquals(1, steps.size());
        Step step = steps.get(0);
        assertEquals(StepType.APPLY, step.type());
        assertEquals("AH-1", step.key());
        assertEquals(w(0, 120), step.window());
        assertEquals(w(0, 60), step.previous());
        assertEquals(Set.of(7L, 9L), step.requestIds());
    }

    @Test
    void revokingTheMiddleOfThreeSplitsTheAccountKeepingTheKeyForTheEarliestPart() {
        Account merged = new Account("AH-1", w(0, 180), Set.of(1L, 2L, 3L), w(0, 180));

        List<Step> steps = AccountPlan.diff(GUID, List.of(g(1, 0, 60), g(3, 120, 180)), List.of(merged));

        assertEquals(2, steps.size());
        assertEquals(
                new Step(StepType.APPLY, "AH-1", w(0, 60), w(0, 180), new java.util.TreeSet<>(Set.of(1L))),
                steps.get(0));
        assertEquals(StepType.APPLY, steps.get(1).type());
        assertEquals(AccountPlan.keyOf(GUID, 3), steps.get(1).key());
        assertEquals(w(120, 180), steps.get(1).window());
        assertNull(steps.get(1).previous());
    }

    @Test
    void revokingTheLastRequestRemovesTheAccount() {
        Account applied = new Account("AH-1", w(0, 60), Set.of(7L), w(0, 60));

        List<Step> steps = AccountPlan.diff(GUID, List.of(), List.of(applied));

        assertEquals(1, steps.size());
        assertEquals(StepType.REMOVE, steps.get(0).type());
        assertEquals("AH-1", steps.get(0).key());
        assertEquals(w(0, 60), steps.get(0).previous());
    }

    @Test
    void anApprovalBridgingTwoAccountsKeepsTheOlderAndRemovesTheOther() {
        Account a = new Account("AH-A", w(0, 60), Set.of(1L), w(0, 60));
        Account b = new Account("AH-B", w(120, 180), Set.of(2L), w(120, 180));

        List<Step> steps = AccountPlan.diff(GUID, List.of(g(1, 0, 60), g(2, 120, 180), g(3, 60, 120)), List.of(a, b));

        assertEquals(2, steps.size());
        assertEquals(StepType.APPLY, steps.get(0).type());
        assertEquals("AH-A", steps.get(0).key());
        assertEquals(w(0, 180), steps.get(0).window());
        assertEquals(StepType.REMOVE, steps.get(1).type());
        assertEquals("AH-B", steps.get(1).key());
    }

    @Test
    void idsRoundTrip() {
        assertEquals("2,10,41", AccountPlan.ids(Set.of(41L, 2L, 10L)));
        assertEquals(Set.of(2L, 10L, 41L), AccountPlan.ids("41, 2,10"));
    }
}
