package io.afterhours.intake.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Intake counters in the application registry ({@code /metrics?scope=application}), per UserLock server slot: how
 * many notifications were stored, were duplicates, went to the spool, were replayed from it, and were rejected (by
 * reason; a rejected sender is not authenticated, so its server is "unknown").
 */
@ApplicationScoped
public class IntakeMetrics {

    static final String RECEIVED = "afterhours.notifications.received";
    static final String REJECTED = "afterhours.notifications.rejected";
    static final String REPLAYED = "afterhours.notifications.replayed";
    static final String SPOOL_BYTES = "afterhours.spool.bytes";
    static final String QUARANTINED = "afterhours.notifications.quarantined";

    @Inject
    Spool spool;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** The spool's depth as a gauge: anything above zero means the database missed notifications. */
    void registerSpoolGauge(@Observes SchemaReady ready) {
        registry.gauge(SPOOL_BYTES, spool::depthBytes);
    }

    public void accepted(ServerSlot slot, StoreOutcome outcome) {
        counter(RECEIVED, slot, outcome).inc();
    }

    public void replayed(ServerSlot slot, StoreOutcome outcome) {
        counter(REPLAYED, slot, outcome).inc();
    }

    public void quarantined(ServerSlot slot) {
        counters.computeIfAbsent(
                        QUARANTINED + "|" + slot, key -> registry.counter(QUARANTINED, new Tag("server", slot.tag())))
                .inc();
    }

    public void rejected(RejectionReason reason) {
        counters.computeIfAbsent(
                        REJECTED + "|" + reason,
                        key -> registry.counter(
                                REJECTED, new Tag("server", "unknown"), new Tag("reason", reason.tag())))
                .inc();
    }

    /** Counters are cached: looking one up in the registry per notification costs more than counting. */
    private Counter counter(String name, ServerSlot slot, StoreOutcome outcome) {
        return counters.computeIfAbsent(
                name + "|" + slot + "|" + outcome,
                key -> registry.counter(name, new Tag("server", slot.tag()), outcomeTag(outcome)));
    }

    private static Tag outcomeTag(StoreOutcome outcome) {
        return new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT));
    }
}
