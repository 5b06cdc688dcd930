package io.afterhours.intake.boundary;

import io.afterhours.intake.control.GroupCommitWriter;
import io.afterhours.intake.control.NotificationStore;
import io.afterhours.intake.control.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the webhook intake ({@code /health}). Ready while a notification can be made durable: the database
 * answers, or the spool still has room. A database outage alone keeps the instance ready on purpose: taking it out of
 * the load balancer would turn spooled 202s into lost 503s. Live while the intake writer threads run.
 */
@ApplicationScoped
public class IntakeHealth {

    @Inject
    NotificationStore store;

    @Inject
    Spool spool;

    @Inject
    GroupCommitWriter writer;

    @Produces
    @Readiness
    HealthCheck webhookCanPersist() {
        return () -> {
            boolean databaseUp = store.databaseAnswers();
            boolean spoolHasRoom = spool.hasRoom();
            return HealthCheckResponse.named("webhook-intake")
                    .status(databaseUp || spoolHasRoom)
                    .withData("database", databaseUp ? "up" : "down")
                    .withData("spoolBytes", spool.depthBytes())
                    .withData("spoolFull", !spoolHasRoom)
                    .build();
        };
    }

    @Produces
    @Liveness
    HealthCheck writersRunning() {
        return () -> HealthCheckResponse.named("webhook-writers")
                .status(writer.isRunning())
                .withData("queued", writer.queued())
                .build();
    }
}
