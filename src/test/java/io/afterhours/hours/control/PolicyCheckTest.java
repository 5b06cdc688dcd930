package io.afterhours.hours.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.afterhours.hours.boundary.FrameText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What administrators may write as a policy, and what they are told otherwise. */
class PolicyCheckTest {

    private static final Set<String> DESK = Set.of("WORKSTATION");

    @Test
    void aSoundPolicyBecomesASchedule() {
        PolicyCheck.Checked checked = check(
                "Europe/Paris",
                new FrameText("MONDAY", "08:00", "19:00", DESK),
                new FrameText("monday", "19:00", "22:00", DESK),
                new FrameText("SUNDAY", "00:00", "00:00", Set.of("TERMINAL", "IIS")));

        assertEquals(List.of(), checked.problems());
        assertNotNull(checked.schedule());
        assertEquals(3, checked.schedule().frames().size());
    }

    @Test
    void everyProblemIsReportedAtOnceWithTheFrameNumber() {
        PolicyCheck.Checked checked = check(
                "+02:00",
                new FrameText("FUNDAY", "08:00", "19:00", DESK),
                new FrameText("TUESDAY", "8h", "19:00", DESK),
                new FrameText("TUESDAY", "09:00", "09:00", DESK),
                new FrameText("TUESDAY", "10:00", "11:00", Set.of()),
                new FrameText("TUESDAY", "10:00", "11:00", Set.of("TELEPORT")));

        assertEquals(
                List.of(
                        "hours.problem.zone",
                        "hours.problem.weekday|1",
                        "hours.problem.time|2",
                        "hours.problem.empty|3",
                        "hours.problem.sessionTypes|4",
                        "hours.problem.sessionTypes|5"),
                checked.problems());
        assertNull(checked.schedule());
    }

    @Test
    void framesSharingAMomentAndASessionTypeOverlap() {
        assertEquals(
                List.of("hours.problem.overlap|1|2"),
                check(
                                "UTC",
                                new FrameText("MONDAY", "08:00", "12:00", DESK),
                                new FrameText("MONDAY", "11:00", "13:00", DESK))
                        .problems());
        assertEquals(
                List.of(),
                check(
                                "UTC",
                                new FrameText("MONDAY", "08:00", "12:00", DESK),
                                new FrameText("MONDAY", "11:00", "13:00", Set.of("WIFI_VPN")))
                        .problems(),
                "different session types may share a moment");
    }

    @Test
    void anOvernightFrameOverlapsTheNextDaysMorningAndSundayNightReachesMonday() {
        assertEquals(
                List.of("hours.problem.overlap|1|2"),
                check(
                                "UTC",
                                new FrameText("MONDAY", "22:00", "06:00", DESK),
                                new FrameText("TUESDAY", "05:00", "09:00", DESK))
                        .problems());
        assertEquals(
                List.of("hours.problem.overlap|1|2"),
                check(
                                "UTC",
                                new FrameText("SUNDAY", "22:00", "06:00", DESK),
                                new FrameText("MONDAY", "00:00", "00:00", DESK))
                        .problems());
        assertEquals(
                List.of(),
                check(
                                "UTC",
                                new FrameText("MONDAY", "22:00", "06:00", DESK),
                                new FrameText("TUESDAY", "06:00", "09:00", DESK))
                        .problems(),
                "touching is not overlapping");
    }

    @Test
    void aNameIsNeeded() {
        assertEquals(
                List.of("hours.problem.name"),
                PolicyCheck.check(" ", null, 0, "UTC", List.of()).problems());
    }

    private static PolicyCheck.Checked check(String zone, FrameText... frames) {
        return PolicyCheck.check("Office", "Night-Ops", 10, zone, List.of(frames));
    }
}
