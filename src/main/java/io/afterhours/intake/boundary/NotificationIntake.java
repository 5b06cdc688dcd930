package io.afterhours.intake.boundary;

import io.afterhours.intake.control.CappedBody;
import io.afterhours.intake.control.GroupCommitWriter;
import io.afterhours.intake.control.IncomingNotification;
import io.afterhours.intake.control.IntakeMetrics;
import io.afterhours.intake.control.IntakeRejection;
import io.afterhours.intake.control.NotificationInterpreter;
import io.afterhours.intake.control.RejectionBursts;
import io.afterhours.intake.control.RejectionReason;
import io.afterhours.intake.control.Spool;
import io.afterhours.intake.control.StoreOutcome;
import io.afterhours.platform.control.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives one UserLock notification: checks the content type and size, interprets it, and persists it before the
 * caller acknowledges. Persist-then-acknowledge: the database (through group commit) first, the local spool if the
 * database fails or is too slow, and a 503 only when neither took it. No JTA transaction here: the writer and the
 * spool each make their write durable themselves, and a notification that lands in both is stored once.
 */
@ApplicationScoped
public class NotificationIntake {

    private static final Logger LOG = Logger.getLogger(NotificationIntake.class.getName());
    /** A .NET sender may label JSON as text or not at all (product.md F1). */
    private static final Set<String> JSON_TYPES = Set.of("application/json", "text/json", "text/plain");

    @Inject
    NotificationInterpreter interpreter;

    @Inject
    GroupCommitWriter writer;

    @Inject
    Spool spool;

    @Inject
    IntakeMetrics metrics;

    @Inject
    RejectionBursts bursts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.intake.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "afterhours.intake.commit-timeout")
    Duration commitTimeout;

    public StoreOutcome receive(String contentType, InputStream body) {
        try {
            requireJsonContentType(contentType);
            byte[] bytes = CappedBody.read(body, maxBodyBytes);
            IncomingNotification notification =
                    interpreter.interpret(bytes, clock.instant().truncatedTo(ChronoUnit.MICROS));
            StoreOutcome outcome = persist(notification);
            metrics.accepted(notification.serverSlot(), outcome);
            return outcome;
        } catch (IntakeRejection rejection) {
            metrics.rejected(rejection.reason());
            bursts.record(rejection.reason(), rejection.presentedId());
            throw rejection;
        }
    }

    /** Counts a refusal decided outside this boundary (for example a wrong HTTP method). */
    public void rejected(RejectionReason reason) {
        metrics.rejected(reason);
        bursts.record(reason);
    }

    private StoreOutcome persist(IncomingNotification notification) {
        try {
            return writer.submit(notification).get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return spoolOrFail(notification, e);
        } catch (ExecutionException | TimeoutException e) {
            return spoolOrFail(notification, e);
        }
    }

    private StoreOutcome spoolOrFail(IncomingNotification notification, Exception databaseFailure) {
        try {
            spool.append(notification);
            LOG.log(
                    Level.WARNING,
                    "Database did not take a notification ({0}); spooled it for replay",
                    LogSafe.of(String.valueOf(
                            databaseFailure.getCause() != null ? databaseFailure.getCause() : databaseFailure)));
            return StoreOutcome.SPOOLED;
        } catch (RuntimeException spoolFailure) {
            LOG.log(
                    Level.SEVERE,
                    "Neither the database nor the spool took a notification: {0}",
                    LogSafe.of(spoolFailure.toString()));
            throw new IntakeRejection(
                    RejectionReason.UNAVAILABLE, "The notification could not be stored; please retry.");
        }
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(type) && !type.endsWith("+json")) {
            throw new IntakeRejection(
                    RejectionReason.UNSUPPORTED_MEDIA_TYPE, "Send the notification as JSON (application/json).");
        }
    }
}
