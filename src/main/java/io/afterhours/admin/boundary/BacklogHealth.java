package io.afterhours.admin.boundary;

import io.afterhours.admin.control.HealthSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness checks ({@code /health/ready}) for work that is stuck rather than slow: a mail waiting in the outbox, or
 * a UserLock action waiting in the queue, longer than its configured age, and (in bridge mode) a bridge that called
 * once and has been silent too long. A bridge that never called is reported, not failed: a new installation is not
 * broken. While the database does not answer the checks stay up: {@code webhook-intake} reports the outage, and the
 * spool keeps taking notifications.
 */
@ApplicationScoped
public class BacklogHealth {

    @Inject
    HealthSnapshot snapshot;

    @Inject
    @ConfigProperty(name = "afterhours.health.outbox-max-age")
    Duration outboxMaxAge;

    @Inject
    @ConfigProperty(name = "afterhours.health.actions-max-age")
    Duration actionsMaxAge;

    @Inject
    @ConfigProperty(name = "afterhours.health.bridge-max-silence")
    Duration bridgeMaxSilence;

    @Produces
    @Readiness
    HealthCheck outbox() {
        return () -> {
            Optional<HealthFacts> facts = snapshot.current();
            HealthCheckResponseBuilder check = HealthCheckResponse.named("mail-outbox");
            if (facts.isEmpty()) {
                return unknown(check);
            }
            HealthFacts f = facts.get();
            return check.status(withinAge(f.outboxOldest(), outboxMaxAge))
                    .withData("waiting", f.outboxDepth())
                    .withData("oldestSeconds", seconds(f.outboxOldest()))
                    .withData("maxAgeSeconds", outboxMaxAge.toSeconds())
                    .withData("dead", f.outboxDead())
                    .build();
        };
    }

    @Produces
    @Readiness
    HealthCheck actions() {
        return () -> {
            Optional<HealthFacts> facts = snapshot.current();
            HealthCheckResponseBuilder check = HealthCheckResponse.named("userlock-actions");
            if (facts.isEmpty()) {
                return unknown(check);
            }
            HealthFacts f = facts.get();
            return check.status(withinAge(f.actionOldest(), actionsMaxAge))
                    .withData("waiting", f.actionDepth())
                    .withData("oldestSeconds", seconds(f.actionOldest()))
                    .withData("maxAgeSeconds", actionsMaxAge.toSeconds())
                    .withData("dead", f.actionDead())
                    .build();
        };
    }

    @Produces
    @Readiness
    HealthCheck bridge() {
        return () -> {
            Optional<HealthFacts> facts = snapshot.current();
            HealthCheckResponseBuilder check = HealthCheckResponse.named("userlock-bridge");
            if (facts.isEmpty()) {
                return unknown(check);
            }
            HealthFacts f = facts.get();
            check.withData("mode", f.bridgeMode() ? "bridge" : "manual");
            if (!f.bridgeMode()) {
                return check.up().build();
            }
            if (f.bridgeLastSeen() == null) {
                return check.up().withData("lastSeen", "never").build();
            }
            return check.status(withinAge(f.bridgeSilence(), bridgeMaxSilence))
                    .withData("lastSeen", f.bridgeLastSeen().toString())
                    .withData("silentSeconds", seconds(f.bridgeSilence()))
                    .withData("maxSilenceSeconds", bridgeMaxSilence.toSeconds())
                    .build();
        };
    }

    static boolean withinAge(Duration age, Duration max) {
        return age == null || age.compareTo(max) <= 0;
    }

    private static long seconds(Duration duration) {
        return duration == null ? 0 : duration.toSeconds();
    }

    private static HealthCheckResponse unknown(HealthCheckResponseBuilder check) {
        return check.up().withData("database", "unavailable").build();
    }
}
