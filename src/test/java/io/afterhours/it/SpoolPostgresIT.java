package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill R1 (reliability.md §2.3) for real: the test run's own PostgreSQL database stops accepting connections and
 * its sessions are killed, while the shared server keeps running. Notifications posted meanwhile are acknowledged
 * only after a durable spool write (202), the spool's limit turns further ones into 503, and once the database is
 * back every spooled notification is stored exactly once. Runs in the PostgreSQL pass only.
 */
@ExtendWith(ArquillianExtension.class)
class SpoolPostgresIT {

    private static final String DATABASE = System.getProperty("afterhours.it.pg.database");
    private static final String ADMIN_URL = System.getProperty("afterhours.it.pg.adminUrl");

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @AfterEach
    void databaseBack() throws SQLException {
        admin("ALTER DATABASE " + PostgresTestDatabase.quoted(DATABASE) + " ALLOW_CONNECTIONS true");
    }

    @Test
    void spoolsWhileTheDatabaseIsDownAndReplaysEachNotificationOnce() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String marker = "spool-" + runId();
        assertEquals(
                200,
                postJson(
                                base,
                                notification(marker)
                                        .withComputer(marker + "-before")
                                        .json())
                        .statusCode());

        takeDatabaseAway();
        List<String> acknowledged = new ArrayList<>();
        int unavailable = 0;
        for (int i = 0; i < 80 && unavailable == 0; i++) {
            String computer = marker + "-" + i;
            String json = notification(marker).withComputer(computer).json();
            HttpResponse<String> response = postJson(base, json);
            if (response.statusCode() == 202) {
                acknowledged.add(computer);
                // The Backup's copy of the same event, spooled too, must still end up stored once.
                int backup = postJson(
                                base,
                                notification(marker)
                                        .withComputer(computer)
                                        .fromBackup()
                                        .json())
                        .statusCode();
                assertTrue(backup == 202 || backup == 503, "backup copy answered " + backup);
                unavailable += backup == 503 ? 1 : 0;
            } else {
                assertEquals(503, response.statusCode(), response.body());
                assertTrue(response.body().contains("\"status\":503"), response.body());
                unavailable++;
            }
        }
        assertTrue(acknowledged.size() >= 3, "several notifications spooled: " + acknowledged.size());
        assertEquals(1, unavailable, "the full spool refuses with 503");
        assertTrue(spoolBytes() > 0, "the spool holds the acknowledged notifications on disk");

        admin("ALTER DATABASE " + PostgresTestDatabase.quoted(DATABASE) + " ALLOW_CONNECTIONS true");
        long deadline = System.currentTimeMillis() + 60_000;
        while (storedCount(marker) < acknowledged.size() + 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }

        assertEquals(acknowledged.size() + 1, storedCount(marker), "each acknowledged notification stored once");
        for (String computer : acknowledged) {
            assertEquals(1, storedCount(computer), computer);
        }
        while (spoolBytes() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, spoolBytes(), "the spool is empty after replay");
        assertEquals(
                200,
                postJson(
                                base,
                                notification(marker)
                                        .withComputer(marker + "-after")
                                        .json())
                        .statusCode());
        assertTrue(get(base.resolve("/"), "metrics?scope=application")
                .body()
                .contains("afterhours_notifications_replayed_total"));
    }

    private static void takeDatabaseAway() throws SQLException {
        admin("ALTER DATABASE " + PostgresTestDatabase.quoted(DATABASE) + " ALLOW_CONNECTIONS false");
        try (Connection c = DriverManager.getConnection(ADMIN_URL);
                PreparedStatement kill = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
            kill.setString(1, DATABASE);
            kill.execute();
        }
    }

    private static long storedCount(String marker) throws SQLException {
        String url = ADMIN_URL.replace("/postgres?", "/" + DATABASE + "?");
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement q =
                        c.prepareStatement("SELECT COUNT(*) FROM notification WHERE user_name = ? OR computer = ?")) {
            q.setString(1, marker);
            q.setString(2, marker);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long spoolBytes() throws IOException {
        Path spool = Path.of(System.getProperty("afterhours.it.dataDir"), "spool");
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void admin(String sql) throws SQLException {
        PostgresTestDatabase.execute(sql);
    }
}
