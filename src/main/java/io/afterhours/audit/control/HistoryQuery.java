package io.afterhours.audit.control;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns {@link HistoryCriteria} into SQL over {@code audit_entry} with positional parameters only (no value ever
 * becomes SQL text). Every condition is one an index serves ((person_guid, seq), (request_id, seq), occurred_at,
 * (action, occurred_at)), pages are newest first by {@code seq}, and counts stop at a cap so that a count over a
 * million entries never walks them all. Portable to H2 2.x and PostgreSQL.
 */
public final class HistoryQuery {

    public static final String COLUMNS =
            "seq, occurred_at, actor_type, actor, action, subject, details, request_id, person_account";

    private final String where;
    private final List<Object> parameters;
    private final boolean timeRange;

    private HistoryQuery(String where, List<Object> parameters, boolean timeRange) {
        this.where = where;
        this.parameters = List.copyOf(parameters);
        this.timeRange = timeRange;
    }

    public static HistoryQuery of(HistoryCriteria criteria) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        guidsIn(criteria.visibleGuids(), conditions, parameters);
        guidsIn(criteria.personGuids(), conditions, parameters);
        if (criteria.personAccount() != null) {
            conditions.add("person_account = ?");
            parameters.add(criteria.personAccount());
        }
        if (criteria.requestId() != null) {
            conditions.add("request_id = ?");
            parameters.add(criteria.requestId());
        }
        if (criteria.requestState() != null) {
            conditions.add("request_id IN (SELECT id FROM extension_request WHERE state = ?)");
            parameters.add(criteria.requestState());
        }
        if (criteria.action() != null) {
            if (criteria.actionPrefix()) {
                conditions.add("action LIKE ? ESCAPE '\\'");
                parameters.add(likeLiteral(criteria.action()) + "%");
            } else {
                conditions.add("action = ?");
                parameters.add(criteria.action());
            }
        }
        if (criteria.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(Timestamp.from(criteria.from()));
        }
        if (criteria.until() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(Timestamp.from(criteria.until()));
        }
        return new HistoryQuery(
                conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions),
                parameters,
                criteria.from() != null || criteria.until() != null);
    }

    private static void guidsIn(Set<String> guids, List<String> conditions, List<Object> parameters) {
        if (guids == null) {
            return;
        }
        if (guids.isEmpty()) {
            conditions.add("1 = 0");
            return;
        }
        conditions.add("person_guid IN (" + placeholders(guids) + ")");
        parameters.addAll(guids.stream().sorted().toList());
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    /** Escapes LIKE's wildcards, so "request._" matches those characters only. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public String where() {
        return where;
    }

    public List<Object> parameters() {
        return parameters;
    }

    /**
     * One page by position, newest first (the page table: offsets stay below the count cap). With a date range the
     * order is by time (seq breaking ties): entries are appended in time order, so it is the same order, but the
     * planner then walks the occurred_at index inside the range. Ordered by seq alone, PostgreSQL walked the primary
     * key back from the newest entry and filtered its way to the range (264 ms instead of 0.1 ms for a month a year
     * ago in 1,000,000 entries, docs/benchmarks.md).
     */
    public String page(int offset, int limit) {
        return "SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY "
                + (timeRange ? "occurred_at DESC, seq DESC" : "seq DESC") + " OFFSET " + Math.max(0, offset)
                + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    }

    /** The next page before {@code seq} (exclusive, the last parameter), newest first: keyset paging for exports. */
    public String before(int limit) {
        return "SELECT " + COLUMNS + " FROM audit_entry" + (where.isEmpty() ? " WHERE " : where + " AND ")
                + "seq < ? ORDER BY seq DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    }

    /** The matching entries, oldest first (a request's timeline). */
    public String ascending(int limit) {
        return "SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY seq FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY";
    }

    /** How many match, counting no further than {@code cap}. */
    public String cappedCount(int cap) {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry" + where + " FETCH FIRST " + Math.max(1, cap)
                + " ROWS ONLY) capped";
    }

    /** How many match up to a sequence number (inclusive), exactly: what an export is about to write. */
    public String countUpTo() {
        return "SELECT COUNT(*) FROM audit_entry" + (where.isEmpty() ? " WHERE " : where + " AND ") + "seq <= ?";
    }
}
