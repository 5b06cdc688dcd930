package io.afterhours.intake.control;

import io.afterhours.platform.control.AfterhoursDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Inserts notifications in batches, one commit per batch, and reports per row whether it was new or a duplicate.
 * De-duplication is the unique constraint on {@code dedupe_key}, never a read-then-write, so concurrent copies on
 * any number of instances store one row. The insert-or-ignore is database specific and kept here: PostgreSQL's
 * {@code ON CONFLICT DO NOTHING} in one multi-row statement; elsewhere (H2) a savepoint per row and the unique-violation SQLState 23505.
 * This class manages its own local transactions: it runs on intake worker threads, outside any JTA transaction.
 */
@ApplicationScoped
public class NotificationStore {

    private static final String COLUMNS = "dedupe_key, received_at, event_time, event_time_text, time_quality, "
            + "event_type, event_category, classification, mapped, server_slot, server_fqdn, server_name, user_name, "
            + "user_domain, computer, client_address, session_type, session_id, details, unmapped_members, raw_json";
    private static final String PARAMETERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String UNIQUE_VIOLATION = "23505";
    /** 21 parameters a row; PostgreSQL allows 32767 per statement. */
    private static final int MAX_ROWS_PER_STATEMENT = 500;

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    public List<StoreOutcome> insert(List<IncomingNotification> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<StoreOutcome> outcomes = isPostgres(connection)
                        ? insertOnConflict(connection, batch)
                        : insertWithSavepoints(connection, batch);
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** True if the database hands out a working connection within two seconds. */
    public boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * One multi-row statement per chunk: far cheaper for PostgreSQL than one statement per row. {@code RETURNING}
     * names the rows that were new; a key returned once marks its first occurrence in the batch as stored and any
     * repeat (the same event twice in one batch) as a duplicate.
     */
    private List<StoreOutcome> insertOnConflict(Connection connection, List<IncomingNotification> batch)
            throws SQLException {
        List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<IncomingNotification> chunk =
                    batch.subList(from, Math.min(batch.size(), from + MAX_ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(128 + chunk.size() * 100)
                    .append("INSERT INTO notification (id, ")
                    .append(COLUMNS)
                    .append(") VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("(nextval('notification_seq'), ")
                        .append(PARAMETERS)
                        .append(')');
            }
            sql.append(" ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key");
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int index = 0;
                for (IncomingNotification notification : chunk) {
                    index = bind(insert, index, notification);
                }
                try (ResultSet keys = insert.executeQuery()) {
                    while (keys.next()) {
                        inserted.add(keys.getString(1));
                    }
                }
            }
            for (IncomingNotification notification : chunk) {
                outcomes.add(inserted.remove(notification.dedupeKey()) ? StoreOutcome.STORED : StoreOutcome.DUPLICATE);
            }
        }
        return outcomes;
    }

    private List<StoreOutcome> insertWithSavepoints(Connection connection, List<IncomingNotification> batch)
            throws SQLException {
        String sql = "INSERT INTO notification (id, " + COLUMNS + ") VALUES (NEXT VALUE FOR notification_seq, "
                + PARAMETERS + ")";
        List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (IncomingNotification notification : batch) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    bind(insert, 0, notification);
                    insert.executeUpdate();
                    outcomes.add(StoreOutcome.STORED);
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    outcomes.add(StoreOutcome.DUPLICATE);
                }
            }
        }
        return outcomes;
    }

    /** Binds one row's 21 parameters after {@code offset} and returns the last index used. */
    private static int bind(PreparedStatement insert, int offset, IncomingNotification n) throws SQLException {
        int i = offset;
        insert.setString(++i, n.dedupeKey());
        insert.setTimestamp(++i, Timestamp.from(n.receivedAt()));
        insert.setTimestamp(++i, n.eventTime() == null ? null : Timestamp.from(n.eventTime()));
        insert.setString(++i, n.eventTimeText());
        insert.setString(++i, n.timeQuality().name());
        if (n.eventType() == null) {
            insert.setNull(++i, Types.INTEGER);
        } else {
            insert.setInt(++i, n.eventType());
        }
        insert.setString(++i, n.category().name());
        insert.setString(++i, n.classification().name());
        insert.setBoolean(++i, n.mapped());
        insert.setString(++i, n.serverSlot().name());
        insert.setString(++i, n.serverFqdn());
        insert.setString(++i, n.serverName());
        insert.setString(++i, n.userName());
        insert.setString(++i, n.userDomain());
        insert.setString(++i, n.computer());
        insert.setString(++i, n.clientAddress());
        insert.setString(++i, n.sessionType());
        insert.setString(++i, n.sessionId());
        insert.setString(++i, n.details());
        insert.setString(++i, n.unmappedMembers());
        insert.setString(++i, n.rawJson());
        return i;
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters; a broken connection cannot roll back anyway.
        }
    }
}
