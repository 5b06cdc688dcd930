package io.afterhours.connector.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.connector.manual.ManualCommands.Action;
import io.afterhours.connector.manual.ManualCommands.Type;
import io.afterhours.connector.manual.ManualCommands.Window;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManualCommandsTest {

    private static final Window WINDOW =
            new Window(LocalDateTime.parse("2026-12-02T22:00:00"), LocalDateTime.parse("2026-12-03T00:00:00"));
    private static final Window EARLIER =
            new Window(LocalDateTime.parse("2026-12-02T21:00:00"), LocalDateTime.parse("2026-12-02T23:00:00"));

    private static Action apply(String account, Window previous) {
        return new Action(
                Type.APPLY, account, "AH-7Q2M4K9D", WINDOW, List.of("WORKSTATION", "TERMINAL"), "LOGOFF", previous);
    }

    @Test
    void appliesANewWindowWithTheWholeDayAuthorisedAndTheOvertimeAction() {
        var lines = ManualCommands.render(apply("CORP\\zlefevre", null), "ULPRIMARY");

        assertEquals(
                List.of(
                        "$window = @{ Name = 'CORP\\zlefevre'; Type = 'User'; StartDate = [datetime]'2026-12-02T22:00:00';"
                                + " EndDate = [datetime]'2026-12-03T00:00:00'; UserLockServerName = 'ULPRIMARY' }",
                        "New-UserLockProtectedAccount @window",
                        "Set-UserLockProtectedAccount @window -Property 'HoursMode' -Value 'Authorized' -Force",
                        "Set-UserLockProtectedAccount @window -Property 'Hours' -Value"
                                + " 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday;00:00;00:00;Workstation,Terminal'"
                                + " -Force",
                        "Set-UserLockProtectedAccount @window -Property 'ExpirationActionNew' -Value 'Logoff' -Force",
                        "Set-UserLockProtectedAccount @window -Property 'Comment' -Value 'AH-7Q2M4K9D' -Force",
                        "Get-UserLockProtectedAccount @window | Format-List *",
                        "Get-UserLockProtectedAccountEffective -Name 'CORP\\zlefevre' -UserLockServerName 'ULPRIMARY'"),
                lines.subList(1, lines.size()));
        assertTrue(lines.get(0).startsWith("# Afterhours AH-7Q2M4K9D, APPLY:"));
    }

    @Test
    void aChangedWindowRemovesThePreviousAccountBeforeCreatingTheNewOne() {
        var lines = ManualCommands.render(apply("CORP\\zlefevre", EARLIER), "ULPRIMARY");

        assertEquals(
                "$previous = @{ Name = 'CORP\\zlefevre'; Type = 'User'; StartDate = [datetime]'2026-12-02T21:00:00';"
                        + " EndDate = [datetime]'2026-12-02T23:00:00'; UserLockServerName = 'ULPRIMARY' }",
                lines.get(1));
        assertEquals("Remove-UserLockProtectedAccount @previous -Force", lines.get(2));
        assertEquals("New-UserLockProtectedAccount @window", lines.get(4));
    }

    @Test
    void reapplyingTheSameWindowOnlySetsThePropertiesAgain() {
        var lines = ManualCommands.render(apply("CORP\\zlefevre", WINDOW), "ULPRIMARY");

        assertTrue(lines.stream().noneMatch(line -> line.startsWith("New-") || line.startsWith("Remove-")));
        assertEquals(4, lines.stream().filter(line -> line.startsWith("Set-")).count());
    }

    @Test
    void removeDeletesTheAppliedWindowAndListsWhatIsLeft() {
        var remove = new Action(Type.REMOVE, "CORP\\zlefevre", "AH-7Q2M4K9D", WINDOW, List.of(), null, EARLIER);

        var lines = ManualCommands.render(remove, "ULPRIMARY");

        assertTrue(lines.get(1)
                .startsWith("$applied = @{ Name = 'CORP\\zlefevre'; Type = 'User'; StartDate ="
                        + " [datetime]'2026-12-02T21:00:00'"));
        assertEquals("Remove-UserLockProtectedAccount @applied -Force", lines.get(2));
        assertEquals("Get-UserLockProtectedAccount @applied", lines.get(4));
    }

    @Test
    void quotesSubexpressionsAndBackticksStayDataInsideOneLiteral() {
        var hostile = "CORP\\o'brien$(calc)`\"x\"";

        var lines = ManualCommands.render(apply(hostile, null), "ULPRIMARY");

        assertTrue(lines.get(1).contains("Name = 'CORP\\o''brien$(calc)`\"x\"';"));
        assertSameCodeOutsideLiterals(lines, ManualCommands.render(apply("CORP\\jdoe", null), "ULPRIMARY"));
        assertEquals(hostile, literalsOf(lines.get(1)).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u2018", "\u2019", "\u201A", "\u201B", "'", "''", "'\u2019", "\u2019'"})
    void everyQuotePowerShellRecognisesIsDoubledSoTheLiteralNeverEnds(String quote) {
        var account = "CORP\\o" + quote + "; Remove-Item C:/ -Recurse; " + quote + "brien";

        var lines = ManualCommands.render(apply(account, null), "UL" + quote + "1");

        assertSameCodeOutsideLiterals(lines, ManualCommands.render(apply("CORP\\jdoe", null), "UL1"));
        assertEquals(account, literalsOf(lines.get(1)).get(0));
        assertEquals("UL" + quote + "1", literalsOf(lines.get(1)).get(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u0000", "\u0085", "\u2028", "\u2029", "\u001b"})
    void controlCharactersAndLineBreaksAreRefused(String control) {
        var account = "CORP\\jdoe" + control + "Remove-Item";

        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(apply(account, null), "UL1"));
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(apply("CORP\\jdoe", null), control));
    }

    @Test
    void valuesThatCannotBeAppliedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(apply("jdoe", null), "UL1"));
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(apply("CORP\\a\\b", null), "UL1"));
        for (var wildcard : List.of("CORP\\*", "CORP\\jdo?", "CORP\\[jz]doe", "*\\jdoe")) {
            assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(apply(wildcard, null), "UL1"));
        }
        var badKey = new Action(Type.APPLY, "CORP\\jdoe", "AH-1'x", WINDOW, List.of("TERMINAL"), "LOCK", null);
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(badKey, "UL1"));
        var badType = new Action(Type.APPLY, "CORP\\jdoe", "AH-1", WINDOW, List.of("CONSOLE'"), "LOCK", null);
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(badType, "UL1"));
        var noTypes = new Action(Type.APPLY, "CORP\\jdoe", "AH-1", WINDOW, List.of(), "LOCK", null);
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(noTypes, "UL1"));
        var badOvertime = new Action(Type.APPLY, "CORP\\jdoe", "AH-1", WINDOW, List.of("TERMINAL"), "REBOOT", null);
        assertThrows(IllegalArgumentException.class, () -> ManualCommands.render(badOvertime, "UL1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Window(
                        LocalDateTime.parse("2026-12-03T00:00:00"), LocalDateTime.parse("2026-12-02T22:00:00")));
    }

    @Test
    void overtimeActionsAndSessionTypesUseUserLocksNames() {
        var action = new Action(Type.APPLY, "CORP\\jdoe", "AH-1", WINDOW, List.of("WIFI_VPN"), "NOTHING", null);

        var lines = ManualCommands.render(action, "UL1");

        assertTrue(lines.contains(
                "Set-UserLockProtectedAccount @window -Property 'ExpirationActionNew' -Value" + " 'DoNothing' -Force"));
        assertTrue(lines.stream().anyMatch(line -> line.contains(";00:00;00:00;WifiVpn' -Force")));
    }

    @Test
    void aLiteralReadsBackAsTheExactValue() {
        for (var value : List.of("", "a", "'", "''", "\u2018\u2019\u201A\u201B", "$(calc)", "`$x`", "\"$env:PATH\"")) {
            var literal = ManualCommands.literal(value);
            var read = literalsOf(literal);
            assertEquals(List.of(value), read, literal);
            assertFalse(literal.isEmpty());
        }
    }

    /** Outside the single-quoted literals, the hostile lines are exactly the benign ones: no value became code. */
    private static void assertSameCodeOutsideLiterals(List<String> hostile, List<String> benign) {
        assertEquals(benign.size(), hostile.size());
        for (int i = 0; i < benign.size(); i++) {
            assertEquals(codeOf(benign.get(i)), codeOf(hostile.get(i)), hostile.get(i));
        }
    }

    private static String codeOf(String line) {
        var code = new StringBuilder();
        scan(line, code, new ArrayList<>());
        return code.toString();
    }

    private static List<String> literalsOf(String line) {
        var literals = new ArrayList<String>();
        scan(line, new StringBuilder(), literals);
        return literals;
    }

    /**
     * PowerShell's rule for single-quoted strings, as its tokenizer applies it: any of ' ‘ ’ ‚ ‛ opens and closes one,
     * and inside it two of them in a row stand for one. Lines that start with # are comments.
     */
    private static void scan(String line, StringBuilder code, List<String> literals) {
        if (line.startsWith("#")) {
            return;
        }
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (!isQuote(c)) {
                code.append(c);
                i++;
                continue;
            }
            var literal = new StringBuilder();
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw new AssertionError("Unterminated literal in " + line);
                }
                char d = line.charAt(i);
                if (isQuote(d)) {
                    if (i + 1 < line.length() && isQuote(line.charAt(i + 1))) {
                        literal.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                literal.append(d);
                i++;
            }
            literals.add(literal.toString());
            code.append("''");
        }
    }

    private static boolean isQuote(char c) {
        return "'\u2018\u2019\u201A\u201B".indexOf(c) >= 0;
    }
}
