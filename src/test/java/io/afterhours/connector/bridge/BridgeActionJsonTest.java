package io.afterhours.connector.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.connector.manual.ManualCommands;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * User names with quotes, {@code $()} and backticks travel to the bridge as JSON data: the action, shaped like the
 * example in docs/bridge-api.md, carries the exact name through a JSON-P round trip, and the manual connector renders
 * it as one literal. The end-to-end version (the connector's real lease response) is added with the connector.
 */
class BridgeActionJsonTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CORP\\o'brien$(calc)`",
                "CORP\\o\u2019brien`$(Remove-Item C:/)",
                "CORP\\\"quoted\"; Invoke-Expression 'x'",
                "CORP\\z\u00e9lie.lef\u00e8vre @splat $env:PATH"
            })
    void theAccountNameTravelsAsExactJsonData(String account) throws IOException {
        var example = documentedAction();
        var action = Json.createObjectBuilder(example).add("account", account).build();

        var json = write(action);
        var read = Json.createReader(new StringReader(json)).readObject();

        assertEquals(account, read.getString("account"));
        assertEquals(example.keySet(), read.keySet(), "the action keeps the documented shape");
        assertEquals(read, action);
        // JSON escapes only the backslash and the double quote here: $() and backticks are plain characters in it.
        assertTrue(
                json.contains("\"account\":\"" + account.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));

        var lines = ManualCommands.render(toManual(read), "ULPRIMARY");
        var literal = "'" + account.replace("'", "''").replace("\u2019", "\u2019\u2019") + "'";
        assertTrue(lines.get(1).contains("Name = " + literal + ";"), lines.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CORP\\a\nb", "CORP\\a\u2028b", "CORP\\a\u0000b"})
    void controlCharactersAreEscapedInJsonAndRefusedByTheManualConnector(String account) throws IOException {
        var action = Json.createObjectBuilder(documentedAction())
                .add("account", account)
                .build();

        var json = write(action);

        assertFalse(json.contains("\n") || json.contains("\u0000"), json);
        var read = Json.createReader(new StringReader(json)).readObject();
        assertEquals(account, read.getString("account"));
        try {
            ManualCommands.render(toManual(read), "ULPRIMARY");
            throw new AssertionError("rendered a command with a control character");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("Control character"));
        }
    }

    /** The first action of the lease response example in docs/bridge-api.md: the reference shape. */
    static JsonObject documentedAction() throws IOException {
        var doc = Files.readString(BridgeScriptTest.API);
        var block = Pattern.compile("```json\\s*\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(), "no JSON example in docs/bridge-api.md");
        var response = Json.createReader(new StringReader(block.group(1))).readObject();
        return response.getJsonArray("actions").getJsonObject(0);
    }

    private static String write(JsonObject object) {
        var out = new StringWriter();
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** What the manual connector will map from the action (after the merge, from the connector's record). */
    private static ManualCommands.Action toManual(JsonObject action) {
        var window = action.getJsonObject("window");
        return new ManualCommands.Action(
                ManualCommands.Type.valueOf(action.getString("type")),
                action.getString("account"),
                action.getString("accountKey"),
                new ManualCommands.Window(
                        LocalDateTime.parse(window.getString("startLocal")),
                        LocalDateTime.parse(window.getString("endLocal"))),
                action.getJsonArray("sessionTypes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList(),
                action.getString("overtimeAction"),
                null);
    }
}
