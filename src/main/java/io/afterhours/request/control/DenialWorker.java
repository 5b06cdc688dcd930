package io.afterhours.request.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LogSafe;
import io.afterhours.platform.control.PeriodicJob;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.RequestTimers;
import io.afterhours.request.boundary.Routing;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request jobs, every {@code afterhours.request.denial-poll}: turns out-of-hours denials into requests shortly
 * after they arrive, expires undecided requests whose window has passed, fires due reminders and escalations, and
 * every {@code afterhours.request.reroute-interval} moves pending requests to the approver the directory names now.
 * The work itself is claimed in the database ({@code FOR UPDATE SKIP LOCKED}), so several instances may run this at
 * once; a failed batch (directory or database down) is rolled back and taken again on the next run.
 */
@ApplicationScoped
public class DenialWorker {

    private static final Logger LOG = Logger.getLogger(DenialWorker.class.getName());
    static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ExtensionRequests requests;

    @Inject
    Routing routing;

    @Inject
    @ConfigProperty(name = "afterhours.request.reroute-interval")
    Duration rerouteInterval;

    @Inject
    Clock clock;

    /** When this instance last walked the pending requests for directory changes (another may walk too: harmless). */
    private volatile Instant lastReroute = Instant.EPOCH;

    @Inject
    RequestTimers timers;

    @Inject
    @ConfigProperty(name = "afterhours.request.denial-poll")
    Duration interval;

    // Timers fire even when the denials fail (a directory outage must not hold back reminders and escalations).
    private final PeriodicJob job = PeriodicJob.loggingTo(LOG)
            .step(
                    "Denials wait for the next run: {0}",
                    PeriodicJob.whileFull(BATCH, () -> requests.processDenials(BATCH)),
                    PeriodicJob.whileFull(BATCH, () -> requests.expireOverdue(BATCH)),
                    this::rerouteWhenDue)
            .step("Timers wait for the next run: {0}", this::fireDueTimers);

    void start(@Observes SchemaReady ready) {
        job.start(scheduler, Duration.ZERO, interval);
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    private void rerouteWhenDue() {
        if (!clock.instant().isBefore(lastReroute.plus(rerouteInterval))) {
            lastReroute = clock.instant();
            for (long after = 0; after >= 0; ) {
                after = routing.rerouteAfter(after, BATCH);
            }
        }
    }

    /**
     * Claims up to a batch of due timers, then fires each in its own transaction; returns how many reminded or
     * escalated a request. A timer that fails keeps its lease and is taken again once it runs out.
     */
    public int fireDueTimers() {
        int fired = 0;
        for (long id : timers.claimDue(BATCH)) {
            try {
                if (timers.fire(id)) {
                    fired++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Timer {0} waits for its lease to run out: {1}", new Object[] {
                    id, LogSafe.of(e.toString())
                });
            }
        }
        return fired;
    }
}
