package io.afterhours.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration} before anything touches it. The
 * same scripts run on H2 and PostgreSQL, so they stick to SQL both understand.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    public void migrate() {
        // Flyway scans with the context class loader; in the container that is the WAR's, which holds the scripts.
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null
                ? "empty"
                : flyway.info().current().getVersion().toString();
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
