package io.afterhours.usage.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.PeriodicJob;
import io.afterhours.usage.boundary.Usage;
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
 * The usage job, every {@code afterhours.usage.poll}: links stored logons and logoffs to granted windows. The rows
 * are claimed in the database ({@code FOR UPDATE SKIP LOCKED}), so several instances may run it at once; a failed
 * batch is rolled back and taken again on the next run.
 */
@ApplicationScoped
public class UsageWorker {

    private static final Logger LOG = Logger.getLogger(UsageWorker.class.getName());
    static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Usage usage;

    @Inject
    @ConfigProperty(name = "afterhours.usage.poll")
    Duration interval;

    private final PeriodicJob job = PeriodicJob.loggingTo(LOG)
            .step(
                    "Logons and logoffs wait for the next run: {0}",
                    PeriodicJob.whileFull(BATCH, () -> usage.linkSessionEvents(BATCH)));

    void start(@Observes SchemaReady ready) {
        job.start(scheduler, Duration.ZERO, interval);
    }

    @PreDestroy
    void stop() {
        job.stop();
    }
}
