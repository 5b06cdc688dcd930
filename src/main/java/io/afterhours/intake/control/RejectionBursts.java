package io.afterhours.intake.control;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Summarises refused notifications into one audit entry and one warning log line per burst: a burst ends after a
 * quiet period with no refusals, and a long one is cut at a maximum length so an ongoing attack still shows up. The
 * request thread only increments a counter; the audit append happens on a background tick, so a flood of bad
 * requests never waits on (or throttles) the audit chain.
 */
@ApplicationScoped
public class RejectionBursts {

    private static final Logger LOG = Logger.getLogger(RejectionBursts.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.intake.rejection-burst.quiet")
    Duration quiet;

    @Inject
    @ConfigProperty(name = "afterhours.intake.rejection-burst.max")
    Duration maxLength;

    @Inject
    jakarta.enterprise.event.Event<io.afterhours.intake.boundary.UnknownUserLockIds> unknownIds;

    /** How many different presented IDs a burst keeps (masked) for the administrators' alert. */
    static final int MAX_IDS = 5;

    private final Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
    private final java.util.Set<String> maskedIds = new java.util.LinkedHashSet<>();
    private Instant burstStart;
    private Instant lastRejection;
    private ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        task = scheduler.scheduleWithFixedDelay(this::closeBurstIfOver, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops the tick and records a burst still open, so a shutdown never loses its summary. */
    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        writeBurst(takeBurstIfOver(Instant.MAX));
    }

    public void record(RejectionReason reason) {
        record(reason, null);
    }

    /** Counts a refusal; a refused UserLock ID is kept masked only, and only the first few different ones. */
    public synchronized void record(RejectionReason reason, String presentedId) {
        if (presentedId != null && maskedIds.size() < MAX_IDS) {
            maskedIds.add(io.afterhours.intake.boundary.UnknownUserLockIds.mask(presentedId));
        }
        Instant now = clock.instant();
        if (burstStart == null) {
            burstStart = now;
        }
        lastRejection = now;
        counts.merge(reason, 1L, Long::sum);
    }

    void closeBurstIfOver() {
        writeBurst(takeBurstIfOver(clock.instant()));
    }

    private void writeBurst(Burst burst) {
        if (burst == null) {
            return;
        }
        String summary = burst.counts().entrySet().stream()
                .map(e -> e.getKey().tag() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String details = summary + "; from " + burst.start() + " to " + burst.end();
        LOG.warning(() -> "Refused UserLock notifications: " + details);
        try {
            auditLog.append(AuditRecord.system("intake", "webhook.rejected", "userlock-webhook", details));
        } catch (RuntimeException e) {
            // Audit failure must not stop intake (OWASP logging guidance); the warning above still stands.
            LOG.log(Level.WARNING, "Could not audit a burst of refused notifications", e);
        }
        Long unauthenticated = burst.counts().get(RejectionReason.UNAUTHENTICATED);
        if (unauthenticated != null && unknownIds != null) {
            try {
                unknownIds.fire(new io.afterhours.intake.boundary.UnknownUserLockIds(
                        unauthenticated, burst.start(), burst.end(), burst.maskedIds()));
            } catch (RuntimeException e) {
                // Telling the administrators must not stop intake either; the audit entry above stands.
                LOG.log(Level.WARNING, "Could not queue the administrators' mail about unknown UserLock IDs", e);
            }
        }
    }

    synchronized Burst takeBurstIfOver(Instant now) {
        if (burstStart == null) {
            return null;
        }
        boolean quietLongEnough = !lastRejection.plus(quiet).isAfter(now);
        boolean tooLong = !burstStart.plus(maxLength).isAfter(now);
        if (!quietLongEnough && !tooLong) {
            return null;
        }
        Burst burst = new Burst(new EnumMap<>(counts), burstStart, lastRejection, java.util.List.copyOf(maskedIds));
        counts.clear();
        maskedIds.clear();
        burstStart = null;
        lastRejection = null;
        return burst;
    }

    record Burst(Map<RejectionReason, Long> counts, Instant start, Instant end, java.util.List<String> maskedIds) {}
}
