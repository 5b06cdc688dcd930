package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.intake.control.ReclassifyBatches.Batch;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batches of "Reclassify stored notifications" against the real schema on H2: keyset by id, request links kept,
 * hand-over to the request worker only while a request is still useful, progress committed with the batch, and a
 * batch of a run that lost its claim rolled back.
 */
class ReclassifyBatchesTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-05T20:47:30Z");
    private static final Duration USEFUL = Duration.ofHours(8);

    private JdbcDataSource dataSource;
    private ReclassifyBatches batches;
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void storeFiveNotificationsWhoseUserIsInLogin() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reclass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        NotificationStoreMappingTest.migrate(dataSource);
        NotificationStore store = new NotificationStore();
        store.dataSource = dataSource;
        NotificationInterpreter shipped = NotificationInterpreterTest.interpreter();
        List<IncomingNotification> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String body = jakarta.json.Json.createObjectBuilder()
                    .add("Userlock", jakarta.json.Json.createObjectBuilder().add("Id", UserLockIdWhitelistTest.PRIMARY))
                    .add("EventType", 4)
                    .add("EventTime", "2024-03-05T21:47:0" + i + "+01:00")
                    .add("Login", "user" + i)
                    .build()
                    .toString();
            batch.add(shipped.interpret(body.getBytes(StandardCharsets.UTF_8), RECEIVED));
        }
        store.insert(batch);
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM notification ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        // The request worker has looked at the second (it opened request 42) and the third (no user: no request).
        execute("UPDATE notification SET request_id = 42, request_checked_at = ? WHERE id = " + ids.get(1), RECEIVED);
        execute("UPDATE notification SET request_checked_at = ? WHERE id = " + ids.get(2), RECEIVED);
        execute("UPDATE reclassification SET run_state = 'RUNNING', run_token = 'mine' WHERE name = 'notifications'");

        batches = new ReclassifyBatches();
        batches.dataSource = dataSource;
        batches.interpreter = NotificationInterpreterTest.interpreter();
        batches.interpreter.mapping = FieldMapping.of(Map.of(LogicalField.USER, "Login,UserAccount"));
    }

    @Test
    void batchesWalkTheIdsAndMapWhatTheNewMappingFinds() throws SQLException {
        Instant soon = RECEIVED.plus(Duration.ofHours(1));
        assertEquals(List.of(false, false, false, false, false), column("mapped"));

        Batch first = batches.run("mine", 0, 2, soon, USEFUL);
        assertEquals(2, first.examined());
        assertEquals(ids.get(1), first.lastId());
        assertEquals(List.of(true, true, false, false, false), column("mapped"), "a batch commits on its own");
        Batch second = batches.run("mine", first.lastId(), 2, soon, USEFUL);
        Batch third = batches.run("mine", second.lastId(), 2, soon, USEFUL);
        assertEquals(1, third.examined());
        assertEquals(0, batches.run("mine", third.lastId(), 2, soon, USEFUL).examined(), "the end");

        assertEquals(List.of("user1", "user2", "user3", "user4", "user5"), column("user_name"));
        assertEquals(List.of("", "", "", "", ""), column("unmapped_members"));
        List<Object> checked = column("request_checked_at");
        assertNull(checked.get(0), "not yet looked at: the worker takes it anyway");
        assertNotNull(checked.get(1), "linked to a request: its mark stays");
        assertNull(checked.get(2), "looked at without a user, now has one, still useful: handed over again");
        assertEquals(42L, ((Number) column("request_id").get(1)).longValue(), "the request link stays");

        assertEquals(List.of(5L, 5L, 5L, 0L, 0L), progress());
        Batch again = batches.run("mine", 0, 10, soon, USEFUL);
        assertEquals(5, again.examined());
        assertEquals(0, again.changed(), "a second run finds nothing to change");
    }

    @Test
    void anOldDenialIsMarkedAsLookedAtSoNoRequestIsOpenedForThePast() throws SQLException {
        Instant later = RECEIVED.plus(Duration.ofDays(3));

        batches.run("mine", 0, 10, later, USEFUL);

        List<Object> checked = column("request_checked_at");
        assertEquals(later, ((Timestamp) checked.get(0)).toInstant(), "closed: too old for a request");
        assertEquals(RECEIVED, ((Timestamp) checked.get(2)).toInstant(), "the worker's mark stays");
        assertTrue(column("mapped").stream().allMatch(Boolean.TRUE::equals));
    }

    @Test
    void aRunThatLostItsClaimChangesNothing() throws SQLException {
        assertThrows(ReclassifyBatches.ClaimLost.class, () -> batches.run("theirs", 0, 10, RECEIVED, USEFUL));

        assertFalse(column("mapped").stream().anyMatch(Boolean.TRUE::equals), "rolled back");
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), progress());
    }

    private List<Object> column(String name) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT " + name + " FROM notification ORDER BY id")) {
            while (rs.next()) {
                values.add(
                        rs.getObject(1) instanceof java.time.OffsetDateTime o
                                ? Timestamp.from(o.toInstant())
                                : rs.getObject(1));
            }
        }
        return values;
    }

    /** examined, changed, newly mapped, newly out of hours, unreadable. */
    private List<Long> progress() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT examined, changed_rows, newly_mapped, newly_out_of_hours, unreadable"
                                + " FROM reclassification")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }

    private void execute(String sql, Instant... at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < at.length; i++) {
                statement.setTimestamp(i + 1, Timestamp.from(at[i]));
            }
            statement.executeUpdate();
        }
    }
}
