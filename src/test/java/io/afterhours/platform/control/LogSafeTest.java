package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacker-influenced text made safe for one log line. */
class LogSafeTest {

    @Test
    void nullIsWrittenAsNull() {
        assertEquals("null", LogSafe.of(null));
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertEquals(
                "Zo\u00eb \u5c71\u7530 CORP\\jdoe <script>", LogSafe.of("Zo\u00eb \u5c71\u7530 CORP\\jdoe <script>"));
    }

    @Test
    void lineBreaksCannotForgeASecondEntry() {
        String forged = LogSafe.of("jdoe\r\nINFO: admin logged in");

        assertEquals("jdoe\uFFFD\uFFFDINFO: admin logged in", forged);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000", "\r", "\n", "\t", "\u001b", "\u007f", "\u0085", "\u202E", "\u2028", "\u2029", "\u202D",
                "\u200B", "\u2066", "\uFEFF"
            })
    void controlAndFormatCharactersAreReplaced(String unsafe) {
        assertEquals("a\uFFFDb", LogSafe.of("a" + unsafe + "b"));
    }

    @Test
    void valueOfExactlyTheLimitIsKeptWhole() {
        String value = "x".repeat(200);

        assertEquals(value, LogSafe.of(value));
    }

    @Test
    void longValueIsCutAndItsLengthReported() {
        String logged = LogSafe.of("x".repeat(10_000));

        assertEquals("x".repeat(200) + "\u2026(10000 chars)", logged);
    }

    @Test
    void cutValueIsStillCleaned() {
        String logged = LogSafe.of("\n".repeat(500));

        assertTrue(logged.startsWith("\uFFFD".repeat(200) + "\u2026("), logged);
        assertTrue(logged.indexOf('\n') < 0);
    }
}
