package io.afterhours.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void withoutDatesItIsTheThirtyDaysUpToToday() {
        ReportQuery query = ReportQuery.parse(null, " ", "mdubois", TODAY);

        assertEquals(new ReportQuery(LocalDate.of(2026, 11, 5), TODAY, "mdubois"), query);
    }

    @Test
    void theDaysAreWholeDaysInTheViewersZone() {
        ReportQuery query = ReportQuery.parse("2026-03-29", "2026-03-29", null, TODAY);
        ZoneId paris = ZoneId.of("Europe/Paris");

        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), query.start(paris));
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), query.end(paris), "a 23-hour day: summer time starts");
    }

    @Test
    void aBadDateAReversedOrTooLongPeriodIsRefusedWithTheTextsKey() {
        assertEquals("report.period.invalid", refusal("2026-02-30", "2026-03-01"));
        assertEquals("report.period.invalid", refusal("2026-03-02", "2026-03-01"));
        assertEquals("report.period.invalid", refusal("yesterday", null));
        assertEquals("report.period.tooLong", refusal("2024-12-31", "2026-01-01"));
        assertEquals(
                LocalDate.of(2026, 12, 31),
                ReportQuery.parse("2026-01-01", "2026-12-31", null, TODAY).to(),
                "a whole year is allowed");
    }

    private static String refusal(String from, String to) {
        return assertThrows(IllegalArgumentException.class, () -> ReportQuery.parse(from, to, null, TODAY))
                .getMessage();
    }
}
