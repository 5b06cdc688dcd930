package io.afterhours.audit.control;

import io.afterhours.audit.boundary.AuditAnchors;
import io.afterhours.platform.boundary.ScheduledJobs;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.PeriodicJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Anchors the audit chain head at start and then every {@code afterhours.audit.anchor-every} (0 or negative: never).
 * With {@code afterhours.audit.digest} on, one instance a day (claimed in {@code scheduled_job}) sends the digest
 * mail instead. A failed anchoring (disk full, database away) is logged and tried again at the next tick; it never
 * stops the app.
 */
@ApplicationScoped
public class AnchorWorker {

    private static final Logger LOG = Logger.getLogger(AnchorWorker.class.getName());
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();
    static final String DIGEST_JOB = "audit-digest";
    // A little under a day, so the digest does not creep later by one anchoring interval each day.
    static final Duration DIGEST_EVERY = Duration.ofHours(24).minusMinutes(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditAnchors anchors;

    @Inject
    ScheduledJobs jobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.audit.anchor-every")
    Duration every;

    @Inject
    @ConfigProperty(name = "afterhours.audit.digest")
    boolean digest;

    private final PeriodicJob job = PeriodicJob.loggingTo(LOG)
            .step("The audit chain head was not anchored this time: {0}", this::anchorOrDigest);

    void start(@Observes SchemaReady ready) {
        job.startUnlessOff(
                scheduler,
                Duration.ZERO,
                every,
                "afterhours.audit.anchor-every is off: a deleted tail of the audit chain cannot be detected");
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    private void anchorOrDigest() {
        // The digest anchors too; one instance a day wins it, the others (and the other hours) just anchor.
        if (digest && jobs.claim(DIGEST_JOB, INSTANCE, clock.instant().plus(DIGEST_EVERY))) {
            anchors.digest();
        } else {
            anchors.anchorNow();
        }
    }
}
