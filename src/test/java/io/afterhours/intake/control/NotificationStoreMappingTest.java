package io.afterhours.intake.control;

import static io.afterhours.intake.control.StoreOutcome.DUPLICATE;
import static io.afterhours.intake.control.StoreOutcome.STORED;
import static io.afterhours.intake.control.TestNotifications.full;
import static io.afterhours.intake.control.TestNotifications.key;
import static io.afterhours.intake.control.TestNotifications.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The batch insert-or-ignore against the real schema (the Flyway migrations): a savepoint per row on H2, and
 * {@code ON CONFLICT DO NOTHING} on PostgreSQL when one is reachable at 127.0.0.1:5432 (skipped otherwise).
 */
class NotificationStoreMappingTest {

    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    static void migrate(DataSource dataSource) {
        Flyway.configure(NotificationStoreMappingTest.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    @Nested
    class OnH2 extends Contract {

        private JdbcDataSource dataSource;

        @BeforeEach
        void freshDatabase() {
            dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:unit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            migrate(dataSource);
        }

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgreSql extends Contract {

        private final String database =
                "afterhours_unit_" + UUID.randomUUID().toString().replace("-", "");
        private PGSimpleDataSource dataSource;

        @BeforeAll
        void createDatabase() {
            try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL);
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                Assumptions.abort("PostgreSQL is not reachable at " + PG_ADMIN_URL + ": " + e.getMessage());
            }
            dataSource = new PGSimpleDataSource();
            dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
            migrate(dataSource);
        }

        @AfterAll
        void dropDatabase() throws SQLException {
            if (dataSource == null) {
                return;
            }
            try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }

        @BeforeEach
        void emptyTable() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM notification");
            }
        }

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Test
    void databaseDoesNotAnswerWhenNoConnectionCanBeHad() throws SQLException {
        NotificationStore store = new NotificationStore();
        store.dataSource = org.mockito.Mockito.mock(DataSource.class);
        org.mockito.Mockito.when(store.dataSource.getConnection()).thenThrow(new SQLException("refused", "08001"));

        assertFalse(store.databaseAnswers());
    }

    /** The behaviour both databases must show. */
    abstract static class Contract {

        abstract DataSource dataSource();

        private NotificationStore store() {
            NotificationStore store = new NotificationStore();
            store.dataSource = dataSource();
            return store;
        }

        @Test
        void batchWithADuplicateInsideIsStoredOnce() throws SQLException {
            List<IncomingNotification> batch = List.of(full(key('a')), sparse(key('b')), sparse(key('a')));

            List<StoreOutcome> outcomes = store().insert(batch);

            assertEquals(List.of(STORED, STORED, DUPLICATE), outcomes);
            assertEquals(2, count());
        }

        @Test
        void firstCopyWinsOverALaterDuplicate() throws SQLException {
            store().insert(List.of(full(key('a')), sparse(key('a'))));

            assertEquals("BACKUP", read(key('a')).serverSlot(), "the full copy came first and was sent by the Backup");
        }

        @Test
        void reinsertingIsADuplicate() throws SQLException {
            store().insert(List.of(full(key('a')), sparse(key('b'))));

            List<StoreOutcome> outcomes = store().insert(List.of(full(key('a'))));

            assertEquals(List.of(DUPLICATE), outcomes);
            assertEquals(2, count());
        }

        @Test
        void mixedBatchAfterEarlierRowsReportsEachRow() throws SQLException {
            store().insert(List.of(full(key('a'))));

            List<StoreOutcome> outcomes =
                    store().insert(List.of(sparse(key('c')), full(key('a')), sparse(key('d')), sparse(key('c'))));

            assertEquals(List.of(STORED, DUPLICATE, STORED, DUPLICATE), outcomes);
            assertEquals(3, count());
        }

        @Test
        void databaseAnswersWhenReachable() {
            assertTrue(store().databaseAnswers());
        }

        @Test
        void emptyBatchStoresNothing() throws SQLException {
            assertEquals(List.of(), store().insert(List.of()));
            assertEquals(0, count());
        }

        @Test
        void everyFieldIsReadBackAsWritten() throws SQLException {
            IncomingNotification written = full(key('a'));
            store().insert(List.of(written));

            Row row = read(key('a'));

            assertEquals(written.receivedAt(), row.receivedAt());
            assertEquals(written.eventTime(), row.eventTime());
            assertEquals(written.eventTimeText(), row.eventTimeText());
            assertEquals(TimeQuality.OK.name(), row.timeQuality());
            assertEquals(4, row.eventType());
            assertEquals(EventCategory.DENIED_BY_USERLOCK.name(), row.category());
            assertEquals(Classification.OUT_OF_HOURS_DENIAL.name(), row.classification());
            assertTrue(row.mapped());
            assertEquals("BACKUP", row.serverSlot());
            assertEquals(
                    List.of(
                            "ul2.corp.example",
                            "UL2",
                            "Zo\u00eb \ud83d\ude00\r\n\uFFFD",
                            "CORP",
                            "PC-42",
                            "10.1.2.3",
                            "RDP",
                            "7",
                            "Outside hours \"quoted\" \\ back",
                            "Extra,Other"),
                    row.texts());
            assertEquals(written.rawJson(), row.rawJson());
        }

        @Test
        void nullsAreReadBackAsNulls() throws SQLException {
            IncomingNotification written = sparse(key('b'));
            store().insert(List.of(written));

            Row row = read(key('b'));

            assertEquals(written.receivedAt(), row.receivedAt());
            assertNull(row.eventTime());
            assertNull(row.eventTimeText());
            assertNull(row.eventType());
            assertFalse(row.mapped());
            assertTrue(
                    row.texts().stream().allMatch(text -> text == null),
                    row.texts().toString());
            assertEquals("{}", row.rawJson());
        }

        @Test
        void storedRowsGetDistinctIdsFromTheSequence() throws SQLException {
            store().insert(List.of(full(key('a')), full(key('b'))));

            assertNotEquals(read(key('a')).id(), read(key('b')).id());
        }

        @Test
        void columnsAtTheirCappedLengthsFit() throws SQLException {
            IncomingNotification n = interpreted("u".repeat(10_000), "d".repeat(10_000));

            List<StoreOutcome> outcomes = store().insert(List.of(n));

            assertEquals(List.of(STORED), outcomes);
            assertEquals(512, read(n.dedupeKey()).texts().get(2).length());
        }

        @Test
        void otherFailureRollsTheWholeBatchBack() throws SQLException {
            // A dedupe key longer than its CHAR(64) column is a data error, not a duplicate.
            List<IncomingNotification> batch = List.of(full(key('a')), full("x".repeat(65)));

            assertThrows(SQLException.class, () -> store().insert(batch));

            assertEquals(0, count());
        }

        @Test
        void storeIsUsableAfterAFailedBatch() throws SQLException {
            assertThrows(SQLException.class, () -> store().insert(List.of(full("x".repeat(65)))));

            assertEquals(List.of(STORED), store().insert(List.of(full(key('a')))));
        }

        @Test
        void concurrentCopiesOfOneEventAreStoredOnce() throws Exception {
            int copies = 6;
            ExecutorService pool = Executors.newFixedThreadPool(copies);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<List<StoreOutcome>>> results = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    Callable<List<StoreOutcome>> insert = () -> {
                        start.await();
                        return store().insert(List.of(full(key('a'))));
                    };
                    results.add(pool.submit(insert));
                }
                start.countDown();

                List<StoreOutcome> outcomes = new ArrayList<>();
                for (Future<List<StoreOutcome>> result : results) {
                    outcomes.addAll(result.get(20, TimeUnit.SECONDS));
                }

                assertEquals(1, outcomes.stream().filter(STORED::equals).count(), outcomes.toString());
                assertEquals(
                        copies - 1, outcomes.stream().filter(DUPLICATE::equals).count(), outcomes.toString());
                assertEquals(1, count());
            } finally {
                pool.shutdownNow();
            }
        }

        private static IncomingNotification interpreted(String user, String details) {
            NotificationInterpreter interpreter = NotificationInterpreterTest.interpreter();
            String body = jakarta.json.Json.createObjectBuilder()
                    .add("Userlock", jakarta.json.Json.createObjectBuilder().add("Id", UserLockIdWhitelistTest.PRIMARY))
                    .add("EventType", 4)
                    .add("EventTime", "2024-03-05T21:47:00+01:00")
                    .add("UserAccount", user)
                    .add("Details", details)
                    .build()
                    .toString();
            return interpreter.interpret(
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.parse("2024-03-05T20:47:30Z"));
        }

        private long count() throws SQLException {
            try (Connection connection = dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM notification")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private Row read(String dedupeKey) throws SQLException {
            try (Connection connection = dataSource().getConnection();
                    PreparedStatement select =
                            connection.prepareStatement("SELECT * FROM notification WHERE dedupe_key = ?")) {
                select.setString(1, dedupeKey);
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next(), "no row for " + dedupeKey);
                    Row row = new Row(
                            rs.getLong("id"),
                            instant(rs, "received_at"),
                            instant(rs, "event_time"),
                            rs.getString("event_time_text"),
                            rs.getString("time_quality"),
                            (Integer) rs.getObject("event_type", Integer.class),
                            rs.getString("event_category"),
                            rs.getString("classification"),
                            rs.getBoolean("mapped"),
                            rs.getString("server_slot"),
                            texts(rs),
                            rs.getString("raw_json"));
                    assertFalse(rs.next(), "two rows for " + dedupeKey);
                    return row;
                }
            }
        }

        private static List<String> texts(ResultSet rs) throws SQLException {
            List<String> texts = new ArrayList<>();
            for (String column : List.of(
                    "server_fqdn",
                    "server_name",
                    "user_name",
                    "user_domain",
                    "computer",
                    "client_address",
                    "session_type",
                    "session_id",
                    "details",
                    "unmapped_members")) {
                texts.add(rs.getString(column));
            }
            return texts;
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }

    record Row(
            long id,
            Instant receivedAt,
            Instant eventTime,
            String eventTimeText,
            String timeQuality,
            Integer eventType,
            String category,
            String classification,
            boolean mapped,
            String serverSlot,
            List<String> texts,
            String rawJson) {}
}
