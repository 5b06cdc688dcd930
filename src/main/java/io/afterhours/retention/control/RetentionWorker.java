package io.afterhours.retention.control;

import io.afterhours.audit.boundary.AuditRetention;
import io.afterhours.platform.boundary.ScheduledJobs;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.PeriodicJob;
import io.afterhours.retention.boundary.PurgeCounts;
import io.afterhours.retention.boundary.Retention;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention job: every instance looks every {@code afterhours.retention.every}, and the one that claims the
 * database's job row purges, batch after batch of {@code afterhours.retention.batch-size}, each batch audited with
 * its counts in the transaction that deletes it. The audit history goes last and only when
 * {@code afterhours.retention.audit} is set: its oldest entries, behind a checkpoint entry that keeps the chain
 * verifiable.
 * A failure is logged; what was purged stays purged and the rest waits for the next run.
 */
@ApplicationScoped
public class RetentionWorker {

    private static final Logger LOG = Logger.getLogger(RetentionWorker.class.getName());
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    @Resource
    ManagedScheduledExecutorService scheduler;

    static final String JOB = "retention";

    @Inject
    Retention retention;

    @Inject
    AuditRetention auditRetention;

    @Inject
    ScheduledJobs jobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.retention.notifications")
    Optional<String> notificationsKept;

    @Inject
    @ConfigProperty(name = "afterhours.retention.requests")
    Optional<String> requestsKept;

    @Inject
    @ConfigProperty(name = "afterhours.retention.audit")
    Optional<String> auditKept;

    @Inject
    @ConfigProperty(name = "afterhours.retention.every")
    Duration every;

    @Inject
    @ConfigProperty(name = "afterhours.retention.batch-size")
    int batchSize;

    private RetentionPeriod notifications;
    private RetentionPeriod requests;
    private RetentionPeriod audit;
    private final PeriodicJob job = PeriodicJob.loggingTo(LOG)
            .step("The retention purge stopped; it goes on next time: {0}", this::purgeIfClaimed);

    void start(@Observes SchemaReady ready) {
        // Checked at start: a mistyped period stops the deployment instead of keeping or deleting data by surprise.
        notifications = RetentionPeriod.parse("afterhours.retention.notifications", notificationsKept);
        requests = RetentionPeriod.parse("afterhours.retention.requests", requestsKept);
        audit = RetentionPeriod.parse("afterhours.retention.audit", auditKept);
        if (every.isZero() || every.isNegative() || batchSize < 1) {
            throw new IllegalStateException(
                    "afterhours.retention.every and afterhours.retention.batch-size must be" + " positive");
        }
        if (notifications.keepsForever() && requests.keepsForever() && audit.keepsForever()) {
            LOG.info("Retention: notifications, requests and the audit history are kept forever");
            return;
        }
        // Whole seconds: a sub-second part of the setting does not count.
        job.start(scheduler, Duration.ofSeconds(1), Duration.ofSeconds(every.getSeconds()));
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    private void purgeIfClaimed() {
        if (jobs.claim(JOB, INSTANCE, clock.instant().plus(every).minusSeconds(1))) {
            purge();
        }
    }

    /** Purges everything due now, batch after batch; returns the totals. */
    public PurgeCounts purge() {
        Instant now = clock.instant();
        Instant requestCutoff = requests.cutoff(now).orElse(null);
        Instant notificationCutoff = notifications.cutoff(now).orElse(null);
        PurgeCounts total = PurgeCounts.NONE;
        PurgeCounts batch;
        do {
            batch = retention.purgeBatch(requestCutoff, notificationCutoff, batchSize);
            total = total.plus(batch);
        } while (batch.anyReached(batchSize));
        Instant auditCutoff = audit.cutoff(now).orElse(null);
        if (auditCutoff != null) {
            do {
                batch = PurgeCounts.audit(auditRetention.purgeBefore(auditCutoff, batchSize));
                total = total.plus(batch);
            } while (batch.anyReached(batchSize));
        }
        return total;
    }
}
