package io.afterhours.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one datasource of the application. Every attribute comes from MicroProfile Config, so the same WAR runs on the
 * embedded H2 file database (the defaults) or on PostgreSQL (environment variables such as {@code AFTERHOURS_DB_URL}).
 * The pool validates connections and flushes itself after a failure, so the spool replayer finds a working pool again
 * once the database is back.
 */
@DataSourceDefinition(
        name = AfterhoursDataSource.JNDI_NAME,
        className = "${MPCONFIG=afterhours.db.class}",
        url = "${MPCONFIG=afterhours.db.url}",
        user = "${MPCONFIG=afterhours.db.user}",
        password = "${MPCONFIG=afterhours.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 5,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=5000"
        })
@ApplicationScoped
public class AfterhoursDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/afterhours";
}
