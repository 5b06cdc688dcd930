package io.afterhours.admin.boundary;

import static io.afterhours.platform.control.SqlTimes.instant;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.platform.control.AfterhoursDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The facts about the running system (F9 health page, {@code /health}, {@code /metrics}): when each UserLock server
 * last notified, the mail outbox and the action queue (depth, oldest waiting, dead), when a bridge last called, and
 * the recent failures. Each fact is one aggregate query on an indexed column, so probing every few seconds costs
 * little. {@link #facts()} is for monitoring (no caller); the page's methods are for administrators only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SystemHealth {

    static final int RECENT = 10;

    /** Intake's server slots (ServerSlot), as stored in notification.server_slot. */
    static final List<String> SLOTS = List.of("PRIMARY", "BACKUP", "PREVIOUS");

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** The connector mode (a portal setting, from the cache: no JPA on the health threads). */
    @Inject
    Settings settings;

    /**
     * Plain JDBC on purpose: the health checks and gauges are called on Payara's own threads, where no JPA
     * persistence context can be looked up; a pooled connection can.
     */
    public HealthFacts facts() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Object[] outbox = row(c, "SELECT COUNT(*), MIN(created_at) FROM mail_outbox WHERE state = 'QUEUED'");
            Object[] actions =
                    row(c, "SELECT COUNT(*), MIN(created_at) FROM userlock_action WHERE state IN ('QUEUED', 'LEASED')");
            return new HealthFacts(
                    now,
                    count(outbox[0]),
                    age(outbox[1], now),
                    count(row(c, "SELECT COUNT(*) FROM mail_outbox WHERE state = 'DEAD'")[0]),
                    count(actions[0]),
                    age(actions[1], now),
                    count(row(c, "SELECT COUNT(*) FROM userlock_action WHERE state = 'DEAD'")[0]),
                    "bridge"
                            .equals(settings.value("afterhours.connector.mode")
                                    .strip()
                                    .toLowerCase(Locale.ROOT)),
                    instant(row(c, "SELECT MAX(last_seen) FROM userlock_bridge")[0]));
        } catch (SQLException e) {
            throw new IllegalStateException("health facts: " + e.getMessage(), e);
        }
    }

    private static Object[] row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Object[] out = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                Object value = rs.getObject(i + 1);
                out[i] = value instanceof Number
                        ? value
                        : value == null ? null : rs.getObject(i + 1, OffsetDateTime.class);
            }
            return out;
        }
    }

    /** The facts for the health page: administrators only. */
    public HealthFacts page() {
        requireAdministrator();
        return facts();
    }

    /** The newest dead mails and dead UserLock actions, newest first: administrators only. */
    @SuppressWarnings("unchecked")
    public List<RecentFailure> recentFailures() {
        requireAdministrator();
        List<RecentFailure> out = new ArrayList<>();
        List<Object[]> mails = em.createNativeQuery("SELECT id, kind, recipient_address, created_at, last_error"
                        + " FROM mail_outbox WHERE state = 'DEAD' ORDER BY id DESC")
                .setMaxResults(RECENT)
                .getResultList();
        mails.forEach(r ->
                out.add(new RecentFailure("mail " + r[1], count(r[0]), (String) r[2], instant(r[3]), (String) r[4])));
        List<Object[]> actions = em.createNativeQuery("SELECT id, action_type, account, updated_at, last_error"
                        + " FROM userlock_action WHERE state = 'DEAD' ORDER BY id DESC")
                .setMaxResults(RECENT)
                .getResultList();
        actions.forEach(r -> out.add(new RecentFailure(
                "action " + ((String) r[1]).strip(), count(r[0]), (String) r[2], instant(r[3]), (String) r[4])));
        out.sort(Comparator.comparing(RecentFailure::at).reversed());
        return out.size() > RECENT ? out.subList(0, RECENT) : out;
    }

    /** This instance's webhook intake counters since it started, from the application metric registry. */
    public List<IntakeCount> intakeCounts() {
        requireAdministrator();
        List<IntakeCount> out = new ArrayList<>();
        registry.getCounters((id, metric) -> id.getName().startsWith("afterhours.notifications."))
                .forEach((id, counter) -> out.add(count(id, counter)));
        out.sort(Comparator.comparing(IntakeCount::what).thenComparing(IntakeCount::detail));
        return out;
    }

    private static IntakeCount count(MetricID id, Counter counter) {
        String name = id.getName().substring("afterhours.notifications.".length());
        String outcome = id.getTags().get("outcome");
        String reason = id.getTags().get("reason");
        String server = id.getTags().getOrDefault("server", "");
        String what = name + (outcome == null ? "" : "-" + outcome);
        return new IntakeCount(what, reason == null ? server : reason, counter.getCount());
    }

    /**
     * When each UserLock server slot last notified: administrators only. The slots are intake's (ServerSlot); each is
     * two lookups on the (server_slot, received_at) index, never a scan of the notifications.
     */
    public List<ServerLastSeen> servers() {
        requireAdministrator();
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        List<ServerLastSeen> out = new ArrayList<>();
        for (String slot : SLOTS) {
            Instant last =
                    instant(em.createNativeQuery("SELECT MAX(received_at) FROM notification WHERE server_slot = ?")
                            .setParameter(1, slot)
                            .getSingleResult());
            if (last == null && !"PRIMARY".equals(slot)) {
                continue;
            }
            String server = null;
            long lastDay = 0;
            if (last != null) {
                List<?> names = em.createNativeQuery("SELECT COALESCE(server_fqdn, server_name) FROM notification"
                                + " WHERE server_slot = ? AND received_at = ?")
                        .setParameter(1, slot)
                        .setParameter(2, java.sql.Timestamp.from(last))
                        .setMaxResults(1)
                        .getResultList();
                server = names.isEmpty() ? null : (String) names.get(0);
                lastDay = count(em.createNativeQuery(
                                "SELECT COUNT(*) FROM notification WHERE server_slot = ? AND received_at >= ?")
                        .setParameter(1, slot)
                        .setParameter(2, java.sql.Timestamp.from(dayAgo))
                        .getSingleResult());
            }
            out.add(new ServerLastSeen(slot, server, last, lastDay));
        }
        return out;
    }

    /** Requests whose extension could not be applied (FAILED): administrators only. */
    public long failedRequests() {
        requireAdministrator();
        return count(single("SELECT COUNT(*) FROM extension_request WHERE state = 'FAILED'")[0]);
    }

    private Object[] single(String sql) {
        Object row = em.createNativeQuery(sql).getSingleResult();
        return row instanceof Object[] a ? a : new Object[] {row};
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Duration age(Object since, Instant now) {
        Instant at = instant(since);
        return at == null ? null : Duration.between(at, now);
    }

    private void requireAdministrator() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR)) {
            throw new AccessRefused("health");
        }
    }
}
