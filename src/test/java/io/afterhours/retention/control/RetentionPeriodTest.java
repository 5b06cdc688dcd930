package io.afterhours.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retention periods as configured: ISO periods, 0 or empty for forever, anything else refused at start. */
class RetentionPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static RetentionPeriod parse(String value) {
        return RetentionPeriod.parse("afterhours.retention.requests", Optional.ofNullable(value));
    }

    @Test
    void daysMonthsAndYearsGiveTheCutoff() {
        assertEquals(
                Instant.parse("2026-09-05T12:00:00Z"), parse("P90D").cutoff(NOW).orElseThrow());
        assertEquals(
                Instant.parse("2025-12-04T12:00:00Z"), parse("P1Y").cutoff(NOW).orElseThrow());
        assertEquals(
                Instant.parse("2026-11-04T12:00:00Z"), parse("P1M").cutoff(NOW).orElseThrow());
        assertEquals(
                Instant.parse("2026-12-04T00:00:00Z"),
                parse("PT12H").cutoff(NOW).orElseThrow());
    }

    @Test
    void zeroOrNothingKeepsForever() {
        for (String forever : new String[] {null, "", " ", "0", "P0D", "PT0S"}) {
            assertTrue(parse(forever).keepsForever(), String.valueOf(forever));
            assertTrue(parse(forever).cutoff(NOW).isEmpty());
        }
    }

    @Test
    void aMistypedPeriodNamesItsKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse("90 days"));
        assertTrue(e.getMessage().contains("afterhours.retention.requests"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> parse("-P3D"));
        assertThrows(IllegalStateException.class, () -> parse("90"));
    }
}
