package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict body parser: reliability.md B1–B5. */
class StrictJsonTest {

    private static final int DEPTH = 32;

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "  \r\n\t  "})
    void emptyOrWhitespaceBodyIsMalformed(String body) {
        assertMalformed(utf8(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"a\":",
                "{\"a\":1",
                "{'a':1}",
                "{a:1}",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "[1,2]",
                "[]",
                "\"text\"",
                "42",
                "true",
                "null",
                "{\"a\":1} {\"b\":2}",
                "{\"a\":1}x"
            })
    void notAJsonObjectIsMalformed(String body) {
        assertMalformed(utf8(body));
    }

    @Test
    void trailingWhitespaceAfterTheObjectIsAccepted() {
        Map<String, Object> parsed = StrictJson.parseObject(utf8(" {\"a\":1} \n"), DEPTH);

        assertEquals(new BigDecimal("1"), parsed.get("a"));
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = concat(utf8("{\"a\":\""), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\"}"));

        IntakeRejection rejection = assertMalformed(body);
        assertTrue(rejection.getMessage().contains("UTF-8"), rejection.getMessage());
    }

    @Test
    void overlongUtf8EncodingIsMalformed() {
        // 0xC0 0xAF is an overlong '/', a classic filter bypass; a strict decoder refuses it.
        byte[] body = concat(utf8("{\"a\":\""), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}"));

        assertMalformed(body);
    }

    @Test
    void utf8ByteOrderMarkIsAcceptedAndDropped() {
        // Documented decision (StrictJson Javadoc): .NET writers may emit a BOM, so it is tolerated.
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"a\":\"b\"}"));

        Map<String, Object> parsed = StrictJson.parseObject(body, DEPTH);

        assertEquals(Map.of("a", "b"), parsed);
    }

    @Test
    void utf16LittleEndianBodyWithoutBomIsMalformed() {
        byte[] body = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE);

        assertMalformed(body);
    }

    @Test
    void utf16LittleEndianBodyWithBomIsMalformed() {
        byte[] body =
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE));

        assertMalformed(body);
    }

    @Test
    void utf16BigEndianBodyWithBomIsMalformed() {
        byte[] body = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM

        assertMalformed(body);
    }

    @Test
    void tenThousandOpenBracketsAreMalformedWithoutStackOverflow() {
        byte[] body = utf8("{\"a\":" + "[".repeat(10_000));

        // assertThrows fails on any other Throwable, StackOverflowError included.
        assertMalformed(body);
    }

    @Test
    void tenThousandBalancedBracketsAreRefusedByTheDepthLimit() {
        byte[] body = utf8("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");

        IntakeRejection rejection = assertMalformed(body);
        assertTrue(rejection.getMessage().contains("nested deeper than 32"), rejection.getMessage());
    }

    @Test
    void tenThousandBracketsAtTopLevelAreMalformed() {
        assertMalformed(utf8("[".repeat(10_000)));
    }

    @Test
    void nestingExactlyAtTheLimitIsAccepted() {
        // The root object is level 1, so three objects deep is allowed with a limit of 3.
        Map<String, Object> parsed = StrictJson.parseObject(utf8("{\"a\":{\"b\":{}}}"), 3);

        assertEquals(Map.of("a", Map.of("b", Map.of())), parsed);
    }

    @Test
    void nestingOneBeyondTheLimitIsMalformed() {
        assertMalformed(utf8("{\"a\":{\"b\":{\"c\":[]}}}"), 3);
    }

    @Test
    void deepNestingWithinAGenerousLimitIsAccepted() {
        byte[] body = utf8("{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}");

        Map<String, Object> parsed = StrictJson.parseObject(body, 1_000);

        assertInstanceOf(List.class, parsed.get("a"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1,\"a\":2}",
                "{\"a\":1,\"A\":2}",
                "{\"EventType\":4,\"eventtype\":4}",
                "{\"Userlock\":{\"Id\":\"valid\",\"Id\":\"invalid\"}}",
                "{\"Userlock\":{\"Id\":\"invalid\",\"Id\":\"valid\"}}",
                "{\"Userlock\":{\"Id\":\"valid\",\"ID\":\"invalid\"}}",
                "{\"Userlock\":{\"id\":\"invalid\",\"Id\":\"valid\"}}",
                "{\"Userlock\":{\"Id\":\"a\"},\"USERLOCK\":{\"Id\":\"b\"}}",
                "{\"x\":{\"y\":1},\"X\":2}",
                "{\"l\":[{\"k\":1,\"K\":2}]}"
            })
    void duplicateMemberNamesAreMalformed(String body) {
        IntakeRejection rejection = assertMalformed(utf8(body));

        assertTrue(rejection.getMessage().contains("Duplicate"), rejection.getMessage());
    }

    @Test
    void sameNameInDifferentObjectsIsNoDuplicate() {
        Map<String, Object> parsed = StrictJson.parseObject(
                utf8("{\"a\":{\"id\":1},\"b\":{\"id\":2},\"l\":[{\"id\":3},{\"id\":4}],\"id\":5}"), DEPTH);

        assertEquals(new BigDecimal("5"), parsed.get("id"));
        assertEquals(Map.of("id", new BigDecimal("2")), parsed.get("b"));
    }

    @Test
    void namesDifferingOutsideAsciiAreNoDuplicate() {
        // U+212A KELVIN SIGN is not folded to 'k', so "\u212A" and "k" are different members.
        Map<String, Object> parsed = StrictJson.parseObject(utf8("{\"k\":1,\"\u212A\":2}"), DEPTH);

        assertEquals(2, parsed.size());
    }

    @Test
    void nestedValuesBecomePlainJavaValues() {
        byte[] body = utf8("""
                {"o":{"s":"t\\u00e9\\n","n":1.50,"i":-7,"e":1E+3,"b":true,"f":false,"z":null,
                      "l":[1,"two",[],{},null]}}""");

        Map<String, Object> parsed = StrictJson.parseObject(body, DEPTH);

        Map<?, ?> o = assertInstanceOf(Map.class, parsed.get("o"));
        assertEquals("t\u00e9\n", o.get("s"));
        assertEquals(new BigDecimal("1.50"), o.get("n"));
        assertEquals(new BigDecimal("-7"), o.get("i"));
        assertEquals(0, new BigDecimal("1000").compareTo((BigDecimal) o.get("e")));
        assertSame(Boolean.TRUE, o.get("b"));
        assertSame(Boolean.FALSE, o.get("f"));
        assertSame(StrictJson.NULL, o.get("z"));
        List<?> l = assertInstanceOf(List.class, o.get("l"));
        assertEquals(5, l.size());
        assertEquals(new BigDecimal("1"), l.get(0));
        assertEquals("two", l.get(1));
        assertEquals(List.of(), l.get(2));
        assertEquals(Map.of(), l.get(3));
        assertSame(StrictJson.NULL, l.get(4));
    }

    @Test
    void memberOrderIsKept() {
        Map<String, Object> parsed = StrictJson.parseObject(utf8("{\"z\":1,\"a\":2,\"m\":3}"), DEPTH);

        assertEquals(List.of("z", "a", "m"), List.copyOf(parsed.keySet()));
    }

    @Test
    void nullIsDistinctFromAbsent() {
        Map<String, Object> parsed = StrictJson.parseObject(utf8("{\"a\":null}"), DEPTH);

        assertSame(StrictJson.NULL, StrictJson.member(parsed, "a"));
        assertNull(StrictJson.member(parsed, "b"));
        assertEquals("null", StrictJson.NULL.toString());
    }

    @Test
    void foldCaseLowersAsciiLettersOnly() {
        assertEquals("abcxyz-09_{}", StrictJson.foldCase("ABCxyZ-09_{}"));
        assertEquals("\u00c9t\u00c9", StrictJson.foldCase("\u00c9T\u00c9"));
    }

    @Test
    void foldCaseLeavesTheKelvinSignAlone() {
        assertEquals("\u212A", StrictJson.foldCase("\u212A"));
        // Locale-aware lower-casing would turn it into 'k'; foldCase must not.
        assertEquals("k", "\u212A".toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void memberMatchesAsciiCaseInsensitivelyOnly() {
        Map<String, Object> parsed = StrictJson.parseObject(utf8("{\"UserLock\":1,\"\u212Aey\":2}"), DEPTH);

        assertEquals(new BigDecimal("1"), StrictJson.member(parsed, "userlock"));
        assertEquals(new BigDecimal("1"), StrictJson.member(parsed, "USERLOCK"));
        assertNull(StrictJson.member(parsed, "key"));
    }

    @Test
    void isNumberRecognisesParsedNumbersOnly() {
        assertTrue(StrictJson.isNumber(new BigDecimal("4")));
        assertEquals(false, StrictJson.isNumber("4"));
    }

    private static IntakeRejection assertMalformed(byte[] body) {
        return assertMalformed(body, DEPTH);
    }

    private static IntakeRejection assertMalformed(byte[] body, int depth) {
        IntakeRejection rejection = assertThrows(IntakeRejection.class, () -> StrictJson.parseObject(body, depth));
        assertEquals(RejectionReason.MALFORMED, rejection.reason());
        return rejection;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
