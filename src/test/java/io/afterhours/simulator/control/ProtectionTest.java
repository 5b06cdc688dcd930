package io.afterhours.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.hours.entity.SessionType;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectionTest {

    /** Working hours 08:00–19:00 UTC every day, for every session type. */
    private static final Protection.GroupHours OFFICE = new Protection.GroupHours() {
        @Override
        public boolean authorises(Instant at, SessionType type) {
            LocalTime time = at.atZone(ZoneOffset.UTC).toLocalTime();
            return !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(19, 0));
        }

        @Override
        public String describe() {
            return "08:00–19:00 (UTC)";
        }
    };

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-12-02T21:30:00Z");

    private static TemporaryAccount window(String start, String end, SessionType... types) {
        return new TemporaryAccount(
                "AH-TEST0001",
                "CORP\\zlefevre",
                "ul-1",
                Instant.parse(start),
                Instant.parse(end),
                EnumSet.copyOf(List.of(types)));
    }

    @Test
    void groupHoursDecideWithoutTemporaryAccount() {
        assertTrue(Protection.evaluate(NOON, SessionType.WORKSTATION, List.of(), OFFICE)
                .allowed());
        Verdict evening = Protection.evaluate(EVENING, SessionType.WORKSTATION, List.of(), OFFICE);
        assertFalse(evening.allowed());
        assertEquals("permanent group account", evening.decidedBy());
    }

    @Test
    void unprotectedUserIsAllowed() {
        assertTrue(Protection.evaluate(EVENING, SessionType.WORKSTATION, List.of(), null)
                .allowed());
    }

    @Test
    void temporaryUserAccountBeatsGroupHoursInsideItsWindow() {
        TemporaryAccount extension =
                window("2026-12-02T21:00:00Z", "2026-12-02T23:00:00Z", SessionType.WORKSTATION, SessionType.TERMINAL);
        Verdict verdict = Protection.evaluate(EVENING, SessionType.WORKSTATION, List.of(extension), OFFICE);
        assertTrue(verdict.allowed());
        assertTrue(verdict.decidedBy().contains("AH-TEST0001"));
    }

    @Test
    void windowEndIsExclusiveAndOutsideItGroupHoursApplyAgain() {
        TemporaryAccount extension = window("2026-12-02T21:00:00Z", "2026-12-02T23:00:00Z", SessionType.WORKSTATION);
        assertFalse(Protection.evaluate(
                        Instant.parse("2026-12-02T23:00:00Z"), SessionType.WORKSTATION, List.of(extension), OFFICE)
                .allowed());
        assertTrue(Protection.evaluate(
                        Instant.parse("2026-12-02T21:00:00Z"), SessionType.WORKSTATION, List.of(extension), OFFICE)
                .allowed());
        assertTrue(Protection.evaluate(NOON, SessionType.WORKSTATION, List.of(extension), OFFICE)
                .allowed());
    }

    @Test
    void authorisedWindowReplacesNormalHoursForTypesItDoesNotList() {
        // A window over working hours that lists only TERMINAL denies a WORKSTATION logon the group would allow.
        TemporaryAccount extension = window("2026-12-02T11:00:00Z", "2026-12-02T13:00:00Z", SessionType.TERMINAL);
        Verdict verdict = Protection.evaluate(NOON, SessionType.WORKSTATION, List.of(extension), OFFICE);
        assertFalse(verdict.allowed());
        assertTrue(verdict.reason().contains("replaces the normal hours"));
        assertTrue(Protection.evaluate(NOON, SessionType.TERMINAL, List.of(extension), OFFICE)
                .allowed());
    }
}
