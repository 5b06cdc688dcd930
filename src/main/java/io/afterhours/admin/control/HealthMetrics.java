package io.afterhours.admin.control;

import io.afterhours.admin.boundary.HealthFacts;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Backlog gauges in the application registry ({@code /metrics?scope=application}), so monitoring can alert on a
 * queue that grows or ages: mail outbox and UserLock action queue depth, age of the oldest waiting row and dead rows,
 * and seconds since a bridge last called. -1 means "nothing to measure" (nothing waiting, no bridge yet, or the
 * database did not answer).
 */
@ApplicationScoped
public class HealthMetrics {

    static final String OUTBOX_DEPTH = "afterhours.outbox.depth";
    static final String OUTBOX_OLDEST = "afterhours.outbox.oldest.seconds";
    static final String OUTBOX_DEAD = "afterhours.outbox.dead";
    static final String ACTIONS_DEPTH = "afterhours.actions.depth";
    static final String ACTIONS_OLDEST = "afterhours.actions.oldest.seconds";
    static final String ACTIONS_DEAD = "afterhours.actions.dead";
    static final String BRIDGE_SILENCE = "afterhours.bridge.silence.seconds";

    @Inject
    HealthSnapshot snapshot;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /**
     * Also reads the facts once, here on the application's start-up thread: the health checks and gauges are called on
     * Payara's own threads, where the data source of a bean created there could not be looked up.
     */
    void register(@Observes SchemaReady ready) {
        snapshot.current();
        gauge(OUTBOX_DEPTH, HealthFacts::outboxDepth);
        gauge(OUTBOX_OLDEST, f -> seconds(f.outboxOldest()));
        gauge(OUTBOX_DEAD, HealthFacts::outboxDead);
        gauge(ACTIONS_DEPTH, HealthFacts::actionDepth);
        gauge(ACTIONS_OLDEST, f -> seconds(f.actionOldest()));
        gauge(ACTIONS_DEAD, HealthFacts::actionDead);
        gauge(BRIDGE_SILENCE, f -> seconds(f.bridgeSilence()));
    }

    private void gauge(String name, ToLongFunction<HealthFacts> value) {
        registry.gauge(name, () -> snapshot.current().map(value::applyAsLong).orElse(-1L));
    }

    static long seconds(Duration duration) {
        return duration == null ? -1 : Math.max(0, duration.toSeconds());
    }
}
