package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** .NET DateTime text as Newtonsoft writes it: reliability.md B13. */
class EventTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void explicitOffsetIsApplied() {
        assertEquals(
                Optional.of(Instant.parse("2024-03-05T20:47:00Z")),
                EventTimes.parse("2024-03-05T21:47:00+01:00", ZoneOffset.UTC));
    }

    @Test
    void negativeOffsetIsApplied() {
        assertEquals(
                Optional.of(Instant.parse("2024-03-06T02:47:00Z")),
                EventTimes.parse("2024-03-05T21:47:00-05:00", PARIS));
    }

    @Test
    void zuluMeansUtcWhateverTheServerZone() {
        assertEquals(
                Optional.of(Instant.parse("2024-03-05T21:47:00Z")), EventTimes.parse("2024-03-05T21:47:00Z", PARIS));
    }

    @Test
    void noOffsetMeansTheServerZone() {
        assertEquals(
                Optional.of(Instant.parse("2024-03-05T20:47:00Z")), EventTimes.parse("2024-03-05T21:47:00", PARIS));
        assertEquals(
                Optional.of(Instant.parse("2024-03-05T21:47:00Z")),
                EventTimes.parse("2024-03-05T21:47:00", ZoneOffset.UTC));
    }

    @Test
    void noOffsetInSummerTimeUsesTheSummerOffset() {
        assertEquals(
                Optional.of(Instant.parse("2024-07-01T08:00:00Z")), EventTimes.parse("2024-07-01T10:00:00", PARIS));
    }

    @Test
    void localTimeInsideTheSpringGapStillParses() {
        // 02:30 does not exist in Paris on 2024-03-31; java.time moves it forward by the gap, which is good enough.
        assertEquals(
                Optional.of(Instant.parse("2024-03-31T01:30:00Z")), EventTimes.parse("2024-03-31T02:30:00", PARIS));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-05T21:47:00Z,          2024-03-05T21:47:00Z",
        "2024-03-05T21:47:00.1Z,        2024-03-05T21:47:00.100Z",
        "2024-03-05T21:47:00.12Z,       2024-03-05T21:47:00.120Z",
        "2024-03-05T21:47:00.123Z,      2024-03-05T21:47:00.123Z",
        "2024-03-05T21:47:00.1234Z,     2024-03-05T21:47:00.123400Z",
        "2024-03-05T21:47:00.12345Z,    2024-03-05T21:47:00.123450Z",
        "2024-03-05T21:47:00.123456Z,   2024-03-05T21:47:00.123456Z",
        "2024-03-05T21:47:00.1234567Z,  2024-03-05T21:47:00.123456Z",
        "2024-03-05T21:47:00.9999999Z,  2024-03-05T21:47:00.999999Z",
        "2024-03-05T21:47:00.1234567+01:00, 2024-03-05T20:47:00.123456Z",
        "2024-03-05T21:47:00.1234567,   2024-03-05T21:47:00.123456Z"
    })
    void zeroToSevenFractionalDigitsAreTruncatedToMicroseconds(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), EventTimes.parse(text, ZoneOffset.UTC));
    }

    @Test
    void resultHasNoSubMicrosecondPart() {
        Instant parsed =
                EventTimes.parse("2024-03-05T21:47:00.9999999Z", ZoneOffset.UTC).orElseThrow();

        assertEquals(0, parsed.getNano() % 1_000);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-05 21:47:00Z,       2024-03-05T21:47:00Z",
        "2024-03-05 21:47:00+01:00,  2024-03-05T20:47:00Z",
        "2024-03-05 21:47:00.5,      2024-03-05T21:47:00.5Z",
        "2024-03-05T21:47Z,          2024-03-05T21:47:00Z",
        "2024-03-05t21:47:00z,       2024-03-05T21:47:00Z"
    })
    void spaceInsteadOfTAndOtherToleratedForms(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), EventTimes.parse(text, ZoneOffset.UTC));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(
                Optional.of(Instant.parse("2024-03-05T21:47:00Z")),
                EventTimes.parse("  2024-03-05T21:47:00Z\n", ZoneOffset.UTC));
    }

    @Test
    void leapDayIsAValidDate() {
        assertEquals(
                Optional.of(Instant.parse("2024-02-29T10:00:00Z")),
                EventTimes.parse("2024-02-29T10:00:00Z", ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "garbage",
                "yesterday at noon",
                "2024-03-05",
                "21:47:00",
                "2024-13-05T21:47:00Z",
                "2024-02-30T21:47:00Z",
                "2023-02-29T21:47:00",
                "2024-03-05T24:00:00Z",
                "2024-04-31T10:00:00+02:00",
                "2024-03-05T21:60:00Z",
                "2024-03-05T25:47:00Z",
                "2024-03-05T21:47:00+25:00",
                "2024-03-05T21:47:00 UTC",
                "/Date(1709675220000)/",
                "1709675220",
                "2024-03-05TT21:47:00Z"
            })
    void garbageGivesEmpty(String text) {
        assertEquals(Optional.empty(), EventTimes.parse(text, ZoneOffset.UTC));
    }
}
