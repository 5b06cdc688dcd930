package io.afterhours.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the throwaway PostgreSQL database of one integration-test run before any Payara Micro starts, and drops
 * it when the run ends. Active only in the failsafe execution that sets {@code afterhours.it.pg.database}; the shared
 * server itself is never stopped or reconfigured (reliability.md R1).
 */
public class PostgresTestDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String database = System.getProperty("afterhours.it.pg.database");
        if (database == null) {
            return;
        }
        execute("DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)", "CREATE DATABASE " + quoted(database));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String database = System.getProperty("afterhours.it.pg.database");
        if (database == null || Boolean.getBoolean("afterhours.it.pg.keep")) {
            return;
        }
        execute(
                "ALTER DATABASE " + quoted(database) + " ALLOW_CONNECTIONS true",
                "DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)");
    }

    static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("afterhours.it.pg.adminUrl"));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database set-up failed: " + e.getMessage(), e);
        }
    }

    static String quoted(String identifier) {
        if (!identifier.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Unexpected database name " + identifier);
        }
        return '"' + identifier + '"';
    }
}
