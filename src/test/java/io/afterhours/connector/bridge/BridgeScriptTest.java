package io.afterhours.connector.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.afterhours.connector.manual.ManualCommands.UserLockNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the PowerShell bridge (PowerShell cannot be installed here, so the script is never run in the
 * build): no way to run text as code, UserLock cmdlets called with splatted parameters only, the unconfirmed UserLock
 * names in their one block and equal to the manual connector's, and the API paths and JSON fields of
 * docs/bridge-api.md.
 */
class BridgeScriptTest {

    static final Path SCRIPT = Path.of("src/main/powershell/AfterhoursBridge.ps1");
    static final Path API = Path.of("docs/bridge-api.md");

    private static final Pattern USERLOCK_CMDLET = Pattern.compile("\\b[A-Z][a-z]+-UserLock[A-Za-z]+\\b");

    private static PowerShellSource script() throws IOException {
        return PowerShellSource.of(Files.readString(SCRIPT));
    }

    @Test
    void nothingRunsTextAsCode() throws IOException {
        var code = script().withoutComments();
        // Checked with the strings' contents kept: "$(...)" inside a string is code too.
        var forbidden = Map.of(
                "Invoke-Expression", "(?i)\\bInvoke-Expression\\b",
                "iex", "(?i)(^|[\\s;|({])iex\\b",
                "script block from text", "(?i)\\[scriptblock\\]\\s*::\\s*Create|NewScriptBlock",
                "Invoke-Command", "(?i)\\bInvoke-Command\\b|\\bicm\\b|\\.InvokeCommand\\b|\\.InvokeScript\\b",
                "child PowerShell or shell", "(?i)\\b(powershell|pwsh|cmd)(\\.exe)?\\b",
                "Start-Process", "(?i)\\bStart-Process\\b|(^|[;|{(])\\s*(start|saps)\\s+[^=\\s]",
                "Add-Type", "(?i)\\bAdd-Type\\b",
                "call operator on a value", "&\\s*[$\"'(]",
                "dot-sourcing a value", "(^|[\\s;{(])\\.\\s+[$\"'(]");
        forbidden.forEach((what, regex) -> {
            var matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(code);
            if (matcher.find()) {
                fail(what + " in the bridge script: " + lineAround(code, matcher.start()));
            }
        });
    }

    @Test
    void everyUserLockCmdletGetsItsParametersBySplattingOnly() throws IOException {
        var masked = script().masked();
        var calls = 0;
        for (var line : masked.split("\n")) {
            Matcher cmdlet = USERLOCK_CMDLET.matcher(line);
            while (cmdlet.find()) {
                calls++;
                // The arguments run to the end of the pipeline element: ), }, |, ; or the end of the line.
                var rest = line.substring(cmdlet.end());
                var arguments = rest.split("[)}|;]", 2)[0].trim();
                for (var argument : arguments.isEmpty() ? new String[0] : arguments.split("\\s+")) {
                    if (!argument.matches("@[A-Za-z]\\w*")) {
                        fail("UserLock cmdlet called with an argument other than a splatted hashtable (" + argument
                                + "): " + line.trim());
                    }
                }
                assertFalse(arguments.isEmpty(), "UserLock cmdlet called without parameters: " + line.trim());
                assertFalse(
                        line.substring(0, cmdlet.start()).matches(".*\\|\\s*$"),
                        "Piped into a UserLock cmdlet: " + line.trim());
            }
        }
        assertTrue(calls >= 6, "Expected the New/Set/Get/Remove/GetEffective calls, found " + calls);
    }

    @Test
    void noDoubleQuotedStringNamesAUserLockCmdlet() throws IOException {
        // A double-quoted string that names a cmdlet would be a command being built as text.
        for (var string : script().doubleQuoted()) {
            assertFalse(USERLOCK_CMDLET.matcher(string).find(), "Command built as text: " + string);
        }
    }

    @Test
    void unconfirmedUserLockNamesLiveInOneBlockEqualToTheManualConnectors() throws IOException {
        var text = Files.readString(SCRIPT);
        var start = text.indexOf("# UNCONFIRMED UserLock names");
        var end = text.indexOf("# ====", text.indexOf("$UserLockDatesAreLocal"));
        assertTrue(start >= 0 && end > start, "The UNCONFIRMED block is missing");
        var block = text.substring(start, end);
        assertTrue(block.contains("Format-List *"), "The block must say how to discover the names");

        assertEquals(UserLockNames.HOURS_MODE, value(block, "HoursMode"));
        assertEquals(UserLockNames.HOURS, value(block, "Hours"));
        assertEquals(UserLockNames.OVERTIME_ACTION, value(block, "OvertimeAction"));
        assertEquals("ExpirationActionNew", value(block, "OvertimeAction"));
        assertEquals(UserLockNames.COMMENT, value(block, "Comment"));
        assertEquals(UserLockNames.HOURS_MODE_AUTHORISED, value(block, "HoursModeAuthorised"));
        assertEquals(UserLockNames.WHOLE_DAY_TIME_FRAME, value(block, "WholeDayTimeFrame"));
        assertEquals(UserLockNames.SESSION_TYPE_SEPARATOR, value(block, "SessionTypeSeparator"));
        UserLockNames.SESSION_TYPES.forEach((key, name) -> assertEquals(name, value(block, key)));
        UserLockNames.OVERTIME_ACTIONS.forEach((key, name) -> assertEquals(name, value(block, key)));
        assertTrue(block.contains("$UserLockDatesAreLocal = $" + UserLockNames.DATES_ARE_LOCAL));

        // Outside the block, property names only come from it.
        var rest = PowerShellSource.of(text.substring(end)).withoutComments();
        assertFalse(
                Pattern.compile("Property\\s*=\\s*['\"]").matcher(rest).find(), "A property name outside the block");
        assertFalse(rest.contains("'" + UserLockNames.OVERTIME_ACTION + "'"), "ExpirationActionNew outside the block");
    }

    @Test
    void callsEveryEndpointOfTheApi() throws IOException {
        var doc = Files.readString(API);
        var code = script().withoutComments();
        var endpoints = Pattern.compile("`(GET|POST) (/[^`]+)`").matcher(doc);
        var found = 0;
        while (endpoints.find()) {
            found++;
            var path = endpoints.group(2).replace("{id}", "{0}");
            assertTrue(code.contains("'" + path + "'"), "The script does not call " + endpoints.group(0));
            assertTrue(
                    code.contains("-Method '" + endpoints.group(1) + "' -Path '" + path + "'")
                            || code.contains("-Method '" + endpoints.group(1) + "' -Path $path"),
                    "Wrong method for " + path);
        }
        assertEquals(4, found, "docs/bridge-api.md lists four endpoints");
        assertTrue(doc.contains("/api/bridge/v1") && code.contains("'/api/bridge/v1'"));
    }

    @Test
    void usesEveryJsonFieldOfTheApi() throws IOException {
        var code = script().withoutComments();
        var missing = new ArrayList<String>();
        for (var field : jsonFields(Files.readString(API))) {
            // As a property read (.field) or a hashtable key (field =), with the API's exact case.
            if (!Pattern.compile("(\\.|\\b)" + field + "\\b(?!-)").matcher(code).find()) {
                missing.add(field);
            }
        }
        assertEquals(new ArrayList<String>(), missing, "JSON fields of docs/bridge-api.md the script never uses");
        for (var value : new String[] {"APPLY", "REMOVE", "SUCCEEDED", "FAILED"}) {
            assertTrue(code.contains("'" + value + "'"), value);
        }
    }

    /** Every "name": in the JSON of the API document, from its example and its inline bodies. */
    static Set<String> jsonFields(String doc) {
        var fields = new LinkedHashSet<String>();
        var matcher = Pattern.compile("\"([A-Za-z]+)\"\\s*:").matcher(doc);
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        return fields;
    }

    private static String value(String block, String key) {
        var matcher = Pattern.compile("\\b" + key + "\\s*=\\s*'([^']*)'").matcher(block);
        assertTrue(matcher.find(), key + " is not in the UNCONFIRMED block");
        return matcher.group(1);
    }

    private static String lineAround(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end).trim();
    }
}
