package io.afterhours.notification.control;

import io.afterhours.notification.boundary.Outbox;
import io.afterhours.notification.entity.MailState;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LogSafe;
import io.afterhours.platform.control.PeriodicJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox every {@code afterhours.mail.poll}: claims due rows in one transaction, sends each outside it, and
 * reports each outcome in a transaction of its own. Safe on several instances at once (the claim skips locked rows
 * and leases the ones it takes). An unreachable SMTP server is logged at most once every {@link #QUIET} per instance,
 * not once per row; the rows just wait for their next attempt.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final int BATCH = 20;
    static final Duration QUIET = Duration.ofMinutes(5);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Outbox outbox;

    @Inject
    MailSender sender;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.mail.poll")
    Duration interval;

    private volatile Instant lastWarning = Instant.EPOCH;
    private final PeriodicJob job = PeriodicJob.loggingTo(LOG)
            .step("The outbox waits for the next run: {0}", PeriodicJob.whileFull(BATCH, this::process));

    void start(@Observes SchemaReady ready) {
        job.start(scheduler, Duration.ZERO, interval);
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    /**
     * Claims and sends one batch; returns how many rows it claimed. The lease covers the whole batch at its slowest
     * (every send taking its full timeouts), so no other worker takes a row this one is still about to send. After a
     * failure the rest of the batch is given back untried: a server that is down costs one timeout per run, not one
     * per row, and the failed row, now due later, no longer stands first in line.
     */
    public int process() {
        List<OutgoingMail> claimed = outbox.claimDue(
                BATCH, settings.longestSend().multipliedBy(BATCH).plus(MARGIN));
        for (int i = 0; i < claimed.size(); i++) {
            OutgoingMail mail = claimed.get(i);
            try {
                sender.send(mail);
            } catch (MessagingException | RuntimeException e) {
                MailState state = outbox.markFailed(mail.id(), describe(e));
                warnOnce(mail, state, e);
                claimed.subList(i + 1, claimed.size()).forEach(rest -> outbox.release(rest.id()));
                break;
            }
            // Sent: if marking fails now, the lease runs out and the row is sent again, with the same Message-ID.
            outbox.markSent(mail.id());
        }
        return claimed.size();
    }

    private void warnOnce(OutgoingMail mail, MailState state, Exception e) {
        Instant now = clock.instant();
        if (state == MailState.DEAD) {
            LOG.log(Level.WARNING, "Mail {0} is DEAD after the retry limit: {1}", new Object[] {
                mail.id(), LogSafe.of(describe(e))
            });
        } else if (!now.isBefore(lastWarning.plus(QUIET))) {
            lastWarning = now;
            LOG.log(
                    Level.WARNING,
                    "Sending mail through {0} fails ({1}); queued mails are retried with backoff, this is logged at"
                            + " most every {2}",
                    new Object[] {settings.server(), LogSafe.of(describe(e)), QUIET});
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (" + root + ")";
    }
}
