package io.afterhours.intake.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LogSafe;
import io.afterhours.platform.control.PeriodicJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves spooled notifications into the database once it answers again, through the same insert-or-ignore as live
 * intake, so a notification that reached both (a slow commit that finished after its request gave up) is stored once.
 * It runs on a local schedule rather than a claimed job row because the spool it drains is a local file.
 */
@ApplicationScoped
public class SpoolReplayer {

    private static final Logger LOG = Logger.getLogger(SpoolReplayer.class.getName());
    private static final int BATCH = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Spool spool;

    @Inject
    NotificationStore store;

    @Inject
    IntakeMetrics metrics;

    @Inject
    @ConfigProperty(name = "afterhours.spool.replay-interval")
    Duration interval;

    private final PeriodicJob job =
            PeriodicJob.loggingTo(LOG).step("Spool replay paused, will retry: {0}", this::replay);

    void start(@Observes SchemaReady ready) {
        job.start(scheduler, Duration.ZERO, interval);
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    /**
     * Replays every sealed segment; stops at the first failure while the database is unreachable and leaves the rest
     * for the next run. A batch the database refuses while it answers is retried row by row, and a row it still
     * refuses is moved to the quarantine file with the reason: one bad row must neither block the spool forever nor
     * be dropped silently.
     */
    public void replay() throws SQLException {
        if (spool.depthBytes() == 0) {
            return;
        }
        for (Path segment : spool.sealedSegments()) {
            List<IncomingNotification> notifications = spool.read(segment);
            for (int from = 0; from < notifications.size(); from += BATCH) {
                storeBatch(notifications.subList(from, Math.min(from + BATCH, notifications.size())));
            }
            spool.delete(segment);
            LOG.info(() -> "Replayed " + notifications.size() + " spooled notifications from " + segment.getFileName());
        }
    }

    private void storeBatch(List<IncomingNotification> batch) throws SQLException {
        try {
            List<StoreOutcome> outcomes = store.insert(batch);
            for (int i = 0; i < batch.size(); i++) {
                metrics.replayed(batch.get(i).serverSlot(), outcomes.get(i));
            }
        } catch (SQLException batchFailure) {
            if (!store.databaseAnswers()) {
                throw batchFailure;
            }
            for (IncomingNotification notification : batch) {
                storeOrQuarantine(notification);
            }
        }
    }

    private void storeOrQuarantine(IncomingNotification notification) throws SQLException {
        try {
            metrics.replayed(
                    notification.serverSlot(),
                    store.insert(List.of(notification)).get(0));
        } catch (SQLException rowFailure) {
            if (!store.databaseAnswers()) {
                throw rowFailure;
            }
            spool.quarantine(notification, rowFailure.getSQLState() + " " + rowFailure.getMessage());
            metrics.quarantined(notification.serverSlot());
            LOG.log(Level.SEVERE, "The database refused a spooled notification; kept in {0}: {1}", new Object[] {
                spool.quarantineFile(), LogSafe.of(rowFailure.getMessage())
            });
        }
    }
}
