package io.afterhours.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Orders start-up: first the schema, then every feature that observes {@link SchemaReady} (workers, replayers). A
 * failed migration stops the deployment rather than letting workers run against an old schema.
 */
@ApplicationScoped
public class ApplicationStartup {

    @Inject
    SchemaMigrations migrations;

    @Inject
    Event<SchemaReady> schemaReady;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        migrations.migrate();
        schemaReady.fire(new SchemaReady());
    }

    /** Fired once the schema is current; observers may start background work. */
    public record SchemaReady() {}
}
