package io.afterhours.connector.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.afterhours.connector.entity.ActionType;
import io.afterhours.connector.manual.ManualCommands;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualMappingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anApplyKeepsItsFieldsAndTakesTheWindowInTheUserLockZone() {
        ManualCommands.Action action = ManualMapping.action(
                ActionType.APPLY,
                "CORP\\o'brien$(calc)`x",
                "AH-0123ABCD",
                Instant.parse("2026-12-02T19:00:00Z"),
                Instant.parse("2026-12-02T21:00:00Z"),
                null,
                null,
                "TERMINAL,WORKSTATION",
                "LOGOFF",
                PARIS);

        assertEquals(ManualCommands.Type.APPLY, action.type());
        assertEquals("CORP\\o'brien$(calc)`x", action.account());
        assertEquals("AH-0123ABCD", action.accountKey());
        assertEquals(
                new ManualCommands.Window(
                        LocalDateTime.parse("2026-12-02T20:00:00"), LocalDateTime.parse("2026-12-02T22:00:00")),
                action.window());
        assertEquals(List.of("TERMINAL", "WORKSTATION"), action.sessionTypes());
        assertEquals("LOGOFF", action.overtimeAction());
        assertNull(action.previousWindow());
    }

    @Test
    void aRemoveCarriesThePreviousWindowAndNoSessionTypes() {
        ManualCommands.Action action = ManualMapping.action(
                ActionType.REMOVE,
                "CORP\\bob",
                "AH-X",
                Instant.parse("2026-07-01T18:00:00Z"),
                Instant.parse("2026-07-01T19:00:00Z"),
                Instant.parse("2026-07-01T17:00:00Z"),
                Instant.parse("2026-07-01T19:00:00Z"),
                "",
                "LOCK",
                PARIS);

        assertEquals(ManualCommands.Type.REMOVE, action.type());
        assertEquals(List.of(), action.sessionTypes());
        assertEquals(
                new ManualCommands.Window(
                        LocalDateTime.parse("2026-07-01T19:00:00"), LocalDateTime.parse("2026-07-01T21:00:00")),
                action.previousWindow());
    }

    @Test
    void theHostileNameReachesTheCommandsOnlyAsADoubledQuoteLiteral() {
        List<String> lines = ManualCommands.render(
                ManualMapping.action(
                        ActionType.APPLY,
                        "CORP\\o'brien$(calc)`x",
                        "AH-0123ABCD",
                        Instant.parse("2026-12-02T19:00:00Z"),
                        Instant.parse("2026-12-02T21:00:00Z"),
                        null,
                        null,
                        "WORKSTATION",
                        "LOGOFF",
                        ZoneId.of("UTC")),
                "ul1");

        assertEquals(
                "$window = @{ Name = 'CORP\\o''brien$(calc)`x'; Type = 'User'; StartDate ="
                        + " [datetime]'2026-12-02T19:00:00'; EndDate = [datetime]'2026-12-02T21:00:00';"
                        + " UserLockServerName = 'ul1' }",
                lines.get(1));
    }
}
