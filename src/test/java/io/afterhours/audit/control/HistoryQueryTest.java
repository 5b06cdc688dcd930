package io.afterhours.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filter criteria to SQL: every value a parameter, every condition one an index serves, visibility always applied. */
class HistoryQueryTest {

    private static final String A = "11111111-1111-4111-8111-111111111111";
    private static final String B = "22222222-2222-4222-8222-222222222222";

    @Test
    void noCriteriaIsTheWholeTableNewestFirst() {
        HistoryQuery query = HistoryQuery.of(HistoryCriteria.everything());

        assertEquals("", query.where());
        assertEquals(List.of(), query.parameters());
        assertEquals(
                "SELECT " + HistoryQuery.COLUMNS
                        + " FROM audit_entry ORDER BY seq DESC OFFSET 50 ROWS FETCH FIRST 25 ROWS ONLY",
                query.page(50, 25));
        assertEquals(
                "SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry FETCH FIRST 10001 ROWS ONLY) capped",
                query.cappedCount(10_001));
    }

    @Test
    void visibilityAndPersonFilterAreBothApplied() {
        HistoryCriteria criteria =
                new HistoryCriteria(Set.of(B, A), Set.of(A), null, null, null, false, null, null, null);

        HistoryQuery query = HistoryQuery.of(criteria);

        assertEquals(" WHERE person_guid IN (?, ?) AND person_guid IN (?)", query.where());
        assertEquals(List.of(A, B, A), query.parameters());
    }

    @Test
    void anEmptyPeopleSetMatchesNothing() {
        HistoryCriteria criteria = new HistoryCriteria(Set.of(), null, null, null, null, false, null, null, null);

        assertEquals(" WHERE 1 = 0", HistoryQuery.of(criteria).where());
    }

    @Test
    void everyFilterBecomesAParameterisedCondition() {
        Instant from = Instant.parse("2026-01-01T23:00:00Z");
        Instant until = Instant.parse("2026-01-02T23:00:00Z");
        HistoryCriteria criteria =
                new HistoryCriteria(null, null, "departed", "DENIED", "request.", true, from, until, null);

        HistoryQuery query = HistoryQuery.of(criteria);

        assertEquals(
                " WHERE person_account = ? AND request_id IN (SELECT id FROM extension_request WHERE state = ?)"
                        + " AND action LIKE ? ESCAPE '\\' AND occurred_at >= ? AND occurred_at < ?",
                query.where());
        assertEquals(
                List.of("departed", "DENIED", "request.%", Timestamp.from(from), Timestamp.from(until)),
                query.parameters());
    }

    @Test
    void anExactActionIsEquality() {
        HistoryCriteria criteria = new HistoryCriteria(null, null, null, null, "audit.read", false, null, null, null);

        HistoryQuery query = HistoryQuery.of(criteria);

        assertEquals(" WHERE action = ?", query.where());
        assertEquals(List.of("audit.read"), query.parameters());
    }

    @Test
    void likeWildcardsInAPrefixMatchThemselves() {
        assertEquals("a\\_b\\%c\\\\", HistoryQuery.likeLiteral("a_b%c\\"));
    }

    @Test
    void exportPagesByKeysetAndTimelineIsOldestFirst() {
        HistoryQuery query = HistoryQuery.of(new HistoryCriteria(null, null, null, null, null, false, null, null, 7L));

        assertEquals(
                "SELECT " + HistoryQuery.COLUMNS
                        + " FROM audit_entry WHERE request_id = ? AND seq < ? ORDER BY seq DESC FETCH FIRST 1000 ROWS ONLY",
                query.before(1000));
        assertEquals(
                "SELECT " + HistoryQuery.COLUMNS
                        + " FROM audit_entry WHERE request_id = ? ORDER BY seq FETCH FIRST 2000 ROWS ONLY",
                query.ascending(2000));
        assertEquals("SELECT COUNT(*) FROM audit_entry WHERE request_id = ? AND seq <= ?", query.countUpTo());
    }

    @Test
    void unfilteredIgnoresVisibility() {
        assertTrue(HistoryCriteria.everything().visibleTo(Set.of(A)).unfiltered());
        assertFalse(new HistoryCriteria(null, null, null, null, "x", false, null, null, null).unfiltered());
    }

    @Test
    void aDateRangeIsPagedInTimeOrderSoTheTimeIndexServesIt() {
        HistoryCriteria criteria = new HistoryCriteria(
                null,
                null,
                null,
                null,
                null,
                false,
                java.time.Instant.parse("2025-03-01T00:00:00Z"),
                java.time.Instant.parse("2025-04-01T00:00:00Z"),
                null);

        String page = HistoryQuery.of(criteria).page(0, 25);

        assertEquals(
                "SELECT " + HistoryQuery.COLUMNS + " FROM audit_entry WHERE occurred_at >= ? AND occurred_at < ?"
                        + " ORDER BY occurred_at DESC, seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY",
                page);
    }
}
