package io.afterhours.intake.control;

import io.afterhours.intake.control.Reclassifier.HandOver;
import io.afterhours.intake.control.Reclassifier.Outcome;
import io.afterhours.intake.control.Reclassifier.Stored;
import io.afterhours.platform.control.AfterhoursDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * One batch of "Reclassify stored notifications": the next {@code limit} notifications after {@code afterId} (keyset
 * by id), locked with {@code FOR UPDATE} so the request and usage workers (which skip locked rows) never hand over a
 * row while it is rewritten, interpreted again and updated where something changed, together with the run's progress
 * row, in one local transaction. The progress update names the run's token: a run that lost its claim (its lease ran
 * out and another instance took over) rolls back its batch and stops. Runs on a background thread, outside JTA.
 */
@ApplicationScoped
public class ReclassifyBatches {

    /** The run's row in {@code reclassification}. */
    public static final String RUN = "notifications";

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    NotificationInterpreter interpreter;

    /** What one batch did; {@code lastId} is where the next starts, {@code examined} 0 means the end. */
    public record Batch(long lastId, int examined, int changed, int newlyMapped, int newlyOutOfHours, int unreadable) {}

    /** Thrown when the run's claim was taken over: the batch was rolled back. */
    public static class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLost() {
            super("another run took over");
        }
    }

    public Batch run(String token, long afterId, int limit, Instant now, Duration stillUseful) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Batch batch = reclassify(connection, afterId, limit, now, stillUseful);
                if (progress(connection, token, batch, now) != 1) {
                    throw new ClaimLost();
                }
                connection.commit();
                return batch;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Batch reclassify(Connection connection, long afterId, int limit, Instant now, Duration stillUseful)
            throws SQLException {
        long lastId = afterId;
        int examined = 0;
        int changed = 0;
        int newlyMapped = 0;
        int newlyOutOfHours = 0;
        int unreadable = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, user_name, user_domain, computer,"
                + " client_address, session_type, session_id, details, mapped, unmapped_members, event_category,"
                + " classification, request_id, request_checked_at, raw_json, received_at, server_slot"
                + " FROM notification WHERE id > ? ORDER BY id FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY FOR UPDATE")) {
            select.setLong(1, afterId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    examined++;
                    Stored old = stored(rs);
                    lastId = old.id();
                    IncomingNotification fresh;
                    try {
                        fresh = interpreter.reinterpret(
                                rs.getString(15),
                                rs.getTimestamp(16).toInstant(),
                                ServerSlot.valueOf(rs.getString(17)));
                    } catch (RuntimeException e) {
                        // Stored before a stricter check, or damaged: left exactly as it is, and counted.
                        unreadable++;
                        continue;
                    }
                    Outcome outcome = Reclassifier.judge(old, fresh, now, stillUseful);
                    if (outcome.changed() || outcome.handOver() != HandOver.KEEP || outcome.usageAgain()) {
                        update(connection, old.id(), outcome, now);
                    }
                    changed += outcome.changed() ? 1 : 0;
                    newlyMapped += outcome.newlyMapped() ? 1 : 0;
                    newlyOutOfHours += outcome.newlyOutOfHours() ? 1 : 0;
                }
            }
        }
        return new Batch(lastId, examined, changed, newlyMapped, newlyOutOfHours, unreadable);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        long requestId = rs.getLong(13);
        Long request = rs.wasNull() ? null : requestId;
        Timestamp checked = rs.getTimestamp(14);
        return new Stored(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBoolean(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                request,
                checked == null ? null : checked.toInstant());
    }

    private static void update(Connection connection, long id, Outcome outcome, Instant now) throws SQLException {
        IncomingNotification n = outcome.fresh();
        StringBuilder sql = new StringBuilder("UPDATE notification SET user_name = ?, user_domain = ?, computer = ?,"
                + " client_address = ?, session_type = ?, session_id = ?, details = ?, mapped = ?, unmapped_members = ?,"
                + " event_category = ?, classification = ?");
        switch (outcome.handOver()) {
            case AGAIN -> sql.append(", request_checked_at = NULL");
            case CLOSED -> sql.append(", request_checked_at = ?");
            case KEEP -> {
                // the hand-over mark stays
            }
        }
        if (outcome.usageAgain()) {
            sql.append(", usage_checked_at = NULL");
        }
        sql.append(" WHERE id = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int i = 0;
            update.setString(++i, n.userName());
            update.setString(++i, n.userDomain());
            update.setString(++i, n.computer());
            update.setString(++i, n.clientAddress());
            update.setString(++i, n.sessionType());
            update.setString(++i, n.sessionId());
            update.setString(++i, n.details());
            update.setBoolean(++i, n.mapped());
            update.setString(++i, n.unmappedMembers());
            update.setString(++i, n.category().name());
            update.setString(++i, outcome.classification().name());
            if (outcome.handOver() == HandOver.CLOSED) {
                update.setTimestamp(++i, Timestamp.from(now));
            }
            update.setLong(++i, id);
            update.executeUpdate();
        }
    }

    private static int progress(Connection connection, String token, Batch batch, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reclassification SET last_id = ?,"
                + " examined = examined + ?, changed_rows = changed_rows + ?, newly_mapped = newly_mapped + ?,"
                + " newly_out_of_hours = newly_out_of_hours + ?, unreadable = unreadable + ?, heartbeat_at = ?"
                + " WHERE name = ? AND run_token = ? AND run_state = 'RUNNING'")) {
            update.setLong(1, batch.lastId());
            update.setInt(2, batch.examined());
            update.setInt(3, batch.changed());
            update.setInt(4, batch.newlyMapped());
            update.setInt(5, batch.newlyOutOfHours());
            update.setInt(6, batch.unreadable());
            update.setTimestamp(7, Timestamp.from(now));
            update.setString(8, RUN);
            update.setString(9, token);
            return update.executeUpdate();
        }
    }
}
