package io.afterhours.intake.boundary;

import io.afterhours.admin.boundary.Settings;
import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.intake.control.ReclassifyBatches;
import io.afterhours.intake.control.ReclassifyBatches.Batch;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.platform.control.AfterhoursDataSource;
import io.afterhours.platform.control.LogSafe;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * "Reclassify stored notifications" on the Field mapping page (product.md F9): interprets every stored notification
 * again under the mapping, event-type table and working hours in effect now, so a mapping fixed today also fixes the
 * notifications that arrived with it wrong. Administrators only. {@link #start} claims the single run row (one run at
 * a time across instances; a run whose heartbeat is older than {@link #LEASE} is taken to have died with its instance)
 * and hands the work to a background thread, never the HTTP request; batches of {@link #BATCH} commit with their
 * progress, which {@link #status} shows. The end is audited as {@code notifications.reclassified} with the counts (or
 * {@code notifications.reclassify-failed}).
 */
@ApplicationScoped
public class Reclassification {

    private static final Logger LOG = Logger.getLogger(Reclassification.class.getName());
    static final int BATCH = 500;
    /** A run that has not committed a batch for this long is taken to have died with its instance. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** A denial newer than this may still want a request: the default request length. */
    static final String STILL_USEFUL = "afterhours.request.default-length";

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    SecurityContext security;

    @Inject
    ReclassifyBatches batches;

    @Inject
    AuditLog auditLog;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The run in progress or the last one, as the page shows it. */
    public record Status(
            String state,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            long examined,
            long changed,
            long newlyMapped,
            long newlyOutOfHours,
            long unreadable,
            String error) {

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** Starts a run in the background; false when one is already running. */
    public boolean start() {
        String actor = requireAdministrator();
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(
                        "UPDATE reclassification SET run_state ="
                                + " 'RUNNING', run_token = ?, started_by = ?, started_at = ?, heartbeat_at = ?, finished_at ="
                                + " NULL, last_id = 0, examined = 0, changed_rows = 0, newly_mapped = 0, newly_out_of_hours = 0,"
                                + " unreadable = 0, error = NULL WHERE name = ? AND (run_state <> 'RUNNING' OR heartbeat_at < ?)")) {
            claim.setString(1, token);
            claim.setString(2, actor);
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setTimestamp(4, Timestamp.from(now));
            claim.setString(5, ReclassifyBatches.RUN);
            claim.setTimestamp(6, Timestamp.from(now.minus(LEASE)));
            if (claim.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The run could not be started: " + e.getMessage(), e);
        }
        executor.execute(() -> run(token, actor));
        return true;
    }

    public Status status() {
        requireAdministrator();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT run_state, started_by, started_at,"
                        + " finished_at, examined, changed_rows, newly_mapped, newly_out_of_hours, unreadable, error,"
                        + " heartbeat_at FROM reclassification WHERE name = ?")) {
            query.setString(1, ReclassifyBatches.RUN);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return new Status("IDLE", null, null, null, 0, 0, 0, 0, 0, null);
                }
                String state = rs.getString(1);
                Timestamp heartbeat = rs.getTimestamp(11);
                if ("RUNNING".equals(state)
                        && heartbeat != null
                        && heartbeat.toInstant().isBefore(clock.instant().minus(LEASE))) {
                    state = "STALLED";
                }
                return new Status(
                        state,
                        rs.getString(2),
                        instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getString(10));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The run's progress could not be read: " + e.getMessage(), e);
        }
    }

    /** The background run: batch after batch until none is left, then the outcome and the audit entry. */
    void run(String token, String actor) {
        long after = 0;
        long examined = 0;
        long changed = 0;
        long newlyMapped = 0;
        long newlyOutOfHours = 0;
        long unreadable = 0;
        try {
            Duration stillUseful = settings.duration(STILL_USEFUL);
            while (true) {
                Batch batch = batches.run(token, after, BATCH, clock.instant(), stillUseful);
                examined += batch.examined();
                changed += batch.changed();
                newlyMapped += batch.newlyMapped();
                newlyOutOfHours += batch.newlyOutOfHours();
                unreadable += batch.unreadable();
                after = batch.lastId();
                if (batch.examined() < BATCH) {
                    break;
                }
            }
            String counts = "examined " + examined + ", changed " + changed + ", newly mapped " + newlyMapped
                    + ", newly out of hours " + newlyOutOfHours + ", unreadable " + unreadable;
            if (finish(token, "DONE", null)) {
                auditLog.append(new AuditRecord(
                        ActorType.PERSON, actor, "notifications.reclassified", "stored notifications", counts));
            }
        } catch (ReclassifyBatches.ClaimLost lost) {
            LOG.log(Level.WARNING, "Reclassification stopped: another run took over");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Reclassification failed: {0}", LogSafe.of(e.toString()));
            String reason = LogSafe.of(e.toString());
            String message = reason.length() > 400 ? reason.substring(0, 400) : reason;
            try {
                if (finish(token, "FAILED", message)) {
                    auditLog.append(new AuditRecord(
                            ActorType.PERSON,
                            actor,
                            "notifications.reclassify-failed",
                            "stored notifications",
                            "after " + examined + " examined, " + changed + " changed (committed): " + message));
                }
            } catch (SQLException | RuntimeException again) {
                LOG.log(Level.WARNING, "Reclassification outcome not recorded: {0}", LogSafe.of(again.toString()));
            }
        }
    }

    private boolean finish(String token, String state, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE reclassification SET run_state = ?,"
                        + " finished_at = ?, error = ? WHERE name = ? AND run_token = ? AND run_state = 'RUNNING'")) {
            update.setString(1, state);
            update.setTimestamp(2, Timestamp.from(clock.instant()));
            update.setString(3, error);
            update.setString(4, ReclassifyBatches.RUN);
            update.setString(5, token);
            return update.executeUpdate() == 1;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String requireAdministrator() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused("field mapping");
        }
        return security.getCallerPrincipal().getName();
    }
}
