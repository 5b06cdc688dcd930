package io.afterhours.connector.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.PeriodicJob;
import io.afterhours.request.boundary.RequestProgress;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code afterhours.connector.tick}: SCHEDULED requests whose window started become ACTIVE, granted ones whose
 * window passed ENDED. Safe on several instances (the requests are locked while moved).
 */
@ApplicationScoped
public class ConnectorClock {

    private static final Logger LOG = Logger.getLogger(ConnectorClock.class.getName());
    static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RequestProgress progress;

    @Inject
    @ConfigProperty(name = "afterhours.connector.tick")
    Duration interval;

    private final PeriodicJob job = PeriodicJob.loggingTo(LOG)
            .step(
                    "The request clock waits for its next run: {0}",
                    PeriodicJob.whileFull(BATCH, () -> progress.tick(BATCH)));

    void start(@Observes SchemaReady ready) {
        job.start(scheduler, Duration.ofSeconds(1), interval);
    }

    @PreDestroy
    void stop() {
        job.stop();
    }
}
