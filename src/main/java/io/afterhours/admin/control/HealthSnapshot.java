package io.afterhours.admin.control;

import io.afterhours.admin.boundary.HealthFacts;
import io.afterhours.admin.boundary.SystemHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The health facts, read at most once per {@link #FRESH} however many probes and gauges ask (a metrics scrape reads
 * seven gauges). Empty while the database does not answer: the intake's own check reports that, and an outage must
 * not also read as a backlog.
 */
@ApplicationScoped
public class HealthSnapshot {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(HealthSnapshot.class.getName());

    @Inject
    SystemHealth health;

    @Inject
    Clock clock;

    private volatile HealthFacts last;
    private volatile Instant readAt = Instant.EPOCH;

    public Optional<HealthFacts> current() {
        Instant now = clock.instant();
        if (last != null && Duration.between(readAt, now).compareTo(FRESH) < 0 && !now.isBefore(readAt)) {
            return Optional.of(last);
        }
        try {
            last = health.facts();
            readAt = now;
            return Optional.of(last);
        } catch (RuntimeException e) {
            // Once per outage, not once per probe.
            if (last != null || readAt.equals(Instant.EPOCH)) {
                LOG.log(Level.WARNING, "Could not read the health facts; backlog checks report UP meanwhile", e);
            }
            last = null;
            readAt = now;
            return Optional.empty();
        }
    }

    /** Forgets the last reading, so the next probe reads the database (tests, after changing the tables). */
    public void forget() {
        last = null;
    }
}
