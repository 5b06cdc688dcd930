package io.afterhours.intake.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every intake setting at start-up, so a typo in the event-type table, a zone or the body
 * limit stops the deployment with a clear message instead of failing the first notification hours later. The beans
 * are application-scoped and would otherwise parse their settings lazily.
 */
@ApplicationScoped
public class IntakeSettingsCheck {

    /** The raw_json column holds 262,144 characters; a larger body could be accepted yet never stored. */
    static final int LARGEST_STORABLE_BODY = 200_000;

    @Inject
    UserLockIdWhitelist whitelist;

    @Inject
    EventTypeTable eventTypes;

    @Inject
    FieldMapping mapping;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.zone")
    String userLockZone;

    @Inject
    @ConfigProperty(name = "afterhours.intake.max-body-bytes")
    int maxBodyBytes;

    void check(@Observes SchemaReady ready) {
        whitelist.isConfigured();
        eventTypes.categoryOf(0);
        mapping.unmappedMembers(java.util.Map.of());
        ZoneId.of(userLockZone);
        if (maxBodyBytes < 1024 || maxBodyBytes > LARGEST_STORABLE_BODY) {
            throw new IllegalStateException("afterhours.intake.max-body-bytes must be between 1024 and "
                    + LARGEST_STORABLE_BODY + ", not " + maxBodyBytes);
        }
    }
}
