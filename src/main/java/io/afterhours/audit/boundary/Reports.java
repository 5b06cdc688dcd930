package io.afterhours.audit.boundary;

import static io.afterhours.platform.control.SqlTimes.instant;

import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.directory.boundary.ReportingScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reports behind the charts (F7): out-of-hours denials per day, requests by outcome, time to decision, extensions
 * used or not, top requesters, for a period and a team. Every number is one aggregate query grouped in the database
 * over indexed date ranges (V17), so a year of 100,000 requests and a million notifications answers in one round trip
 * per chart. Managers see their direct reports only (as the directory says now); auditors and administrators
 * everything, or one manager's team; anyone else is refused.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reports {

    static final int TOP = 10;

    /** Zone ids go into the SQL text (AT TIME ZONE takes no parameter on every database): region ids only. */
    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_/+-]*");

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Preferences preferences;

    @Inject
    Clock clock;

    public Report report(ReportQuery query) {
        Scope scope = scope(query.manager());
        query.checked();
        LocalDate from = query.from();
        LocalDate to = query.to();
        ZoneId zone = sqlZone(preferences.myZone());
        Instant start = query.start(zone);
        Instant end = query.end(zone);
        long[] usage = usage(scope, start, end);
        return new Report(
                from,
                to,
                zone,
                scope.team(),
                denialsPerDay(scope, zone, from, to, start, end),
                outcomes(scope, start, end),
                decisionTimes(scope, start, end),
                usage[0],
                usage[1],
                topRequesters(scope, start, end));
    }

    /** Whose requests the caller may count: a manager's reports, or everyone (null) for auditors and administrators. */
    private Scope scope(String manager) {
        ReportingScope scope = people.reportingScope(manager);
        return new Scope(
                scope.team(),
                scope.everyone()
                        ? null
                        : scope.members().stream().map(UUID::toString).toList());
    }

    private List<Report.DayCount> denialsPerDay(
            Scope scope, ZoneId zone, LocalDate from, LocalDate to, Instant start, Instant end) {
        String day = "CAST((n.event_time AT TIME ZONE '" + zone.getId() + "') AS DATE)";
        String sql = "SELECT " + day + ", COUNT(*) FROM notification n"
                + " WHERE n.classification = 'OUT_OF_HOURS_DENIAL' AND n.event_time >= ? AND n.event_time < ?"
                + (scope.everyone()
                        ? ""
                        : " AND n.request_id IN (SELECT r.id FROM extension_request r WHERE " + scope.requesterIn("r")
                                + ")")
                + " GROUP BY " + day;
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows(sql, scope, start, end)) {
            counts.put(date(row[0]), ((Number) row[1]).longValue());
        }
        List<Report.DayCount> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new Report.DayCount(d, counts.getOrDefault(d, 0L)));
        }
        return days;
    }

    private List<Report.OutcomeCount> outcomes(Scope scope, Instant start, Instant end) {
        String sql = "SELECT r.state, COUNT(*) FROM extension_request r WHERE r.created_at >= ? AND r.created_at < ?"
                + scope.and("r") + " GROUP BY r.state ORDER BY COUNT(*) DESC, r.state";
        return rows(sql, scope, start, end).stream()
                .map(row -> new Report.OutcomeCount(((String) row[0]).strip(), ((Number) row[1]).longValue()))
                .toList();
    }

    private Report.DecisionTimes decisionTimes(Scope scope, Instant start, Instant end) {
        String seconds = "EXTRACT(EPOCH FROM (d.decided_at - r.created_at))";
        String sql = "SELECT COUNT(*), PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY " + seconds + "),"
                + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY " + seconds + ")"
                + " FROM extension_request r JOIN request_decision d ON d.request_id = r.id"
                + " WHERE r.created_at >= ? AND r.created_at < ?" + scope.and("r");
        Object[] row = rows(sql, scope, start, end).get(0);
        return new Report.DecisionTimes(((Number) row[0]).longValue(), duration(row[1]), duration(row[2]));
    }

    /** Approved windows that ended in the period (so "unused" is final): [used, unused]. */
    private long[] usage(Scope scope, Instant start, Instant end) {
        Instant until = end.isAfter(clock.instant()) ? clock.instant() : end;
        String sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM extension_usage_event u"
                + " WHERE u.request_id = r.id AND u.kind = 'LOGON') THEN 1 ELSE 0 END), 0)"
                + " FROM extension_request r JOIN request_decision d ON d.request_id = r.id"
                + " WHERE d.outcome = 'APPROVED' AND r.window_end >= ? AND r.window_end <= ?" + scope.and("r");
        Object[] row =
                rows(sql, scope, start, until.isBefore(start) ? start : until).get(0);
        long all = ((Number) row[0]).longValue();
        long used = ((Number) row[1]).longValue();
        return new long[] {used, all - used};
    }

    private List<Report.RequesterCount> topRequesters(Scope scope, Instant start, Instant end) {
        String sql = "SELECT r.requester_account, MAX(r.requester_name), COUNT(*) FROM extension_request r"
                + " WHERE r.created_at >= ? AND r.created_at < ?" + scope.and("r")
                + " GROUP BY r.requester_account ORDER BY COUNT(*) DESC, r.requester_account";
        Query q = query(sql, scope, start, end);
        q.setMaxResults(TOP);
        return result(q).stream()
                .map(row -> new Report.RequesterCount((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    private List<Object[]> rows(String sql, Scope scope, Instant start, Instant end) {
        return result(query(sql, scope, start, end));
    }

    private Query query(String sql, Scope scope, Instant start, Instant end) {
        Query q =
                em.createNativeQuery(sql).setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end));
        int position = 3;
        for (String guid : scope.parameters()) {
            q.setParameter(position++, guid);
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> result(Query q) {
        List<?> rows = q.getResultList();
        return rows.stream()
                .map(r -> r instanceof Object[] a ? a : new Object[] {r})
                .toList();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return instant(value).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Duration duration(Object seconds) {
        if (seconds == null) {
            return null;
        }
        double value = ((Number) seconds).doubleValue();
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /** A region zone both databases know by name; a fixed offset (or anything odd) reads as UTC. */
    static ZoneId sqlZone(ZoneId zone) {
        if (zone instanceof ZoneOffset || !REGION.matcher(zone.getId()).matches()) {
            return ZoneId.of("UTC");
        }
        return zone;
    }

    /**
     * Whose requests count: {@code guids} null for everyone. A team with nobody in it matches no request (an empty IN
     * list is not SQL, so it is a condition that is never true).
     */
    record Scope(String team, List<String> requesters) {

        Scope {
            requesters = requesters == null ? null : List.copyOf(requesters);
        }

        boolean everyone() {
            return requesters == null;
        }

        List<String> parameters() {
            return requesters == null ? List.of() : requesters;
        }

        String and(String alias) {
            return everyone() ? "" : " AND " + requesterIn(alias);
        }

        String requesterIn(String alias) {
            if (requesters.isEmpty()) {
                return "1 = 0";
            }
            return alias + ".requester_guid IN (" + String.join(",", Collections.nCopies(requesters.size(), "?")) + ")";
        }
    }
}
