package io.afterhours.audit.boundary;

import io.afterhours.audit.control.HistoryCriteria;
import io.afterhours.audit.control.HistoryQuery;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.platform.control.AfterhoursDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The audit history as the signed-in person may read it (F7): employees the entries concerning themselves, managers
 * also those concerning their direct reports, auditors and administrators everything. The rule is part of every
 * query this class runs, so no page, parameter or export can widen it. Reading the whole history and every export
 * are themselves audited ({@code audit.read}, {@code audit.exported}).
 */
@ApplicationScoped
@Transactional
public class AuditHistory {

    /** Counts stop here: "more than 10,000" is all a pager needs, and counting a million rows is not free. */
    public static final int COUNT_CAP = 10_000;

    static final int EXPORT_PAGE = 1_000;
    static final int TIMELINE_MAX = 2_000;

    private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}\\*?");
    /** The request states (request feature's RequestState), named here to check a filter before it reaches SQL. */
    public static final List<String> STATES = List.of(
            "DRAFT",
            "PENDING",
            "APPROVED",
            "APPLYING",
            "SCHEDULED",
            "ACTIVE",
            "ENDED",
            "DENIED",
            "EXPIRED",
            "CANCELLED",
            "REVOKED",
            "FAILED");

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SecurityContext security;

    @Inject
    People people;

    @Inject
    Directory directory;

    @Inject
    AuditLog auditLog;

    /** One page, newest first. Opening the first page of the unfiltered, unrestricted history is audited. */
    public List<HistoryEntry> page(HistoryFilter filter, int first, int size) {
        HistoryCriteria criteria = criteria(filter);
        if (first == 0 && criteria.visibleGuids() == null && criteria.unfiltered()) {
            auditLog.append(new AuditRecord(
                    ActorType.PERSON, caller(), "audit.read", "audit history", "the full history, newest first"));
        }
        HistoryQuery query = HistoryQuery.of(criteria);
        return entries(bind(em.createNativeQuery(query.page(first, Math.min(size, 500))), query.parameters(), 1));
    }

    /** How many entries the filter matches, at most {@link #COUNT_CAP} + 1 ("more than"). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(HistoryFilter filter) {
        HistoryQuery query = HistoryQuery.of(criteria(filter));
        return ((Number) bind(em.createNativeQuery(query.cappedCount(COUNT_CAP + 1)), query.parameters(), 1)
                        .getSingleResult())
                .longValue();
    }

    /**
     * Every entry of one request, oldest first: denial, request, reminders and escalation, decision, mails, apply,
     * usage, end. Visible to whoever may see the requester's history (themselves, their line manager, auditors and
     * administrators); anyone else is refused, whether or not the request exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> timeline(long requestId) {
        Set<String> visible = visibleGuids();
        if (visible != null) {
            List<?> requester = em.createNativeQuery("SELECT requester_guid FROM extension_request WHERE id = ?")
                    .setParameter(1, requestId)
                    .getResultList();
            if (requester.isEmpty()
                    || !visible.contains(requester.get(0).toString().strip())) {
                throw new AccessRefused("request " + requestId);
            }
        }
        HistoryQuery query =
                HistoryQuery.of(new HistoryCriteria(null, null, null, null, null, false, null, null, requestId));
        return entries(bind(em.createNativeQuery(query.ascending(TIMELINE_MAX)), query.parameters(), 1));
    }

    /**
     * Authorises and audits an export of the filtered view: the entry names the filter and the exact number of rows
     * the file will hold, and commits before the first row is written.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public HistoryExport startExport(HistoryFilter filter) {
        HistoryCriteria criteria = criteria(filter);
        HistoryQuery query = HistoryQuery.of(criteria);
        Object head = em.createNativeQuery("SELECT last_seq FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        long upTo = ((Number) head).longValue();
        Query counting = bind(em.createNativeQuery(query.countUpTo()), query.parameters(), 1);
        counting.setParameter(query.parameters().size() + 1, upTo);
        long rows = ((Number) counting.getSingleResult()).longValue();
        String described = filter.describe();
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                caller(),
                "audit.exported",
                "audit history",
                "CSV export of " + rows + " entries; filter: " + described
                        + (criteria.visibleGuids() == null ? "" : "; limited to the entries this person may see")));
        return new HistoryExport(criteria, upTo, rows, described);
    }

    /**
     * Hands the export's rows, newest first, to {@code sink} a page of {@value #EXPORT_PAGE} at a time: keyset pages
     * ({@code seq < last one handed over}) read over plain JDBC, each an index range on PostgreSQL and H2 alike.
     * Nothing accumulates (no persistence context, no driver that buffers a whole result), so an export of any size
     * runs in constant memory. Returns the rows handed over.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long export(HistoryExport export, Consumer<HistoryEntry> sink) {
        HistoryQuery query = HistoryQuery.of(export.criteria());
        List<Object> parameters = query.parameters();
        long before = export.upToSeq() + 1;
        long written = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query.before(EXPORT_PAGE))) {
            while (true) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                statement.setLong(parameters.size() + 1, before);
                int onPage = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        HistoryEntry entry = entry(rows);
                        sink.accept(entry);
                        before = entry.seq();
                        onPage++;
                    }
                }
                written += onPage;
                if (onPage < EXPORT_PAGE) {
                    return written;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit history for an export", e);
        }
    }

    private static HistoryEntry entry(ResultSet row) throws SQLException {
        long requestId = row.getLong(8);
        Long request = row.wasNull() ? null : requestId;
        return new HistoryEntry(
                row.getLong(1),
                row.getObject(2, OffsetDateTime.class).toInstant(),
                ActorType.valueOf(row.getString(3).strip()),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                request,
                row.getString(9));
    }

    /** The viewer's history filter, resolved against the directory and narrowed to what they may see. */
    HistoryCriteria criteria(HistoryFilter filter) {
        Set<String> personGuids = null;
        String personAccount = null;
        if (present(filter.person())) {
            Optional<DirectoryPerson> person =
                    directory.findByAccount(filter.person().strip());
            if (person.isPresent()) {
                personGuids = Set.of(person.get().guid().toString());
            } else {
                // Someone who has left the directory: their entries still carry the account name.
                personAccount = filter.person().strip();
            }
        }
        if (present(filter.manager())) {
            DirectoryPerson manager = directory
                    .findByAccount(filter.manager().strip())
                    .orElseThrow(() -> new HistoryRefused("history.problem.manager", filter.manager()));
            personGuids = intersect(personGuids, guids(directory.directReports(manager)));
        }
        if (present(filter.team())) {
            personGuids =
                    intersect(personGuids, guids(directory.members(filter.team().strip())));
        }
        String state = null;
        if (present(filter.state())) {
            state = filter.state().strip().toUpperCase(Locale.ROOT);
            if (!STATES.contains(state)) {
                throw new HistoryRefused("history.problem.state", filter.state());
            }
        }
        String action = null;
        boolean prefix = false;
        if (present(filter.action())) {
            String text = filter.action().strip().toLowerCase(Locale.ROOT);
            if (!ACTION.matcher(text).matches()) {
                throw new HistoryRefused("history.problem.action", filter.action());
            }
            prefix = text.endsWith("*") || text.endsWith(".");
            action = text.endsWith("*") ? text.substring(0, text.length() - 1) : text;
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new HistoryRefused("history.problem.range", filter.from() + " – " + filter.to());
        }
        ZoneId zone = filter.zone();
        Instant from = filter.from() == null ? null : startOf(filter.from(), zone);
        Instant until = filter.to() == null ? null : startOf(filter.to().plusDays(1), zone);
        return new HistoryCriteria(
                visibleGuids(), personGuids, personAccount, state, action, prefix, from, until, null);
    }

    /** Whose entries the caller may read: null for everyone (auditors, administrators). */
    Set<String> visibleGuids() {
        if (security.isCallerInRole(Roles.ADMINISTRATOR) || security.isCallerInRole(Roles.AUDITOR)) {
            return null;
        }
        DirectoryPerson me = people.me();
        Set<String> visible = new TreeSet<>();
        visible.add(me.guid().toString());
        if (security.isCallerInRole(Roles.MANAGER)) {
            visible.addAll(guids(directory.directReports(me)));
        }
        return visible;
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static Set<String> guids(List<DirectoryPerson> people) {
        Set<String> guids = new TreeSet<>();
        people.forEach(p -> guids.add(p.guid().toString()));
        return guids;
    }

    private static Set<String> intersect(Set<String> current, Set<String> more) {
        if (current == null) {
            return more;
        }
        Set<String> both = new TreeSet<>(current);
        both.retainAll(more);
        return both;
    }

    private static Query bind(Query query, List<Object> parameters, int firstIndex) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(firstIndex + i, parameters.get(i));
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<HistoryEntry> entries(Query query) {
        List<Object[]> rows = query.getResultList();
        List<HistoryEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            entries.add(new HistoryEntry(
                    ((Number) row[0]).longValue(),
                    instant(row[1]),
                    ActorType.valueOf(row[2].toString().strip()),
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    row[7] == null ? null : ((Number) row[7]).longValue(),
                    (String) row[8]));
        }
        return entries;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
