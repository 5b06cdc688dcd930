package io.afterhours.connector.control;

import io.afterhours.admin.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How actions reach UserLock ({@code afterhours.connector.mode}): {@code bridge} (a bridge leases them over the bridge
 * API) or {@code manual} (administrators are mailed the PowerShell commands and confirm the outcome on the portal).
 * One mode at a time: in manual mode the bridge API leases nothing, so an action is never both pasted and applied.
 * The mode is a portal setting (Settings, connector group): read through {@link Settings}' cache on every call, so
 * every instance follows a change within {@code afterhours.settings.refresh}; the operator's pin wins. Switching hands
 * the queued actions over in the saving transaction (ActionQueue).
 */
@ApplicationScoped
public class ConnectorMode {

    public static final String KEY = "afterhours.connector.mode";

    @Inject
    @ConfigProperty(name = KEY)
    String configured;

    /** Absent in unit tests that build this by hand: the configured value applies then. */
    @Inject
    Settings settings;

    private volatile Boolean override;

    public boolean manual() {
        Boolean value = override;
        return value != null ? value : manual(settings == null ? configured : settings.value(KEY));
    }

    /** {@code manual} for "manual", {@code false} for "bridge" (any case); anything else is a configuration error. */
    public static boolean manual(String mode) {
        return switch (mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT)) {
            case "manual" -> true;
            case "bridge" -> false;
            default -> throw new IllegalStateException(KEY + " must be bridge or manual, not " + mode);
        };
    }

    /**
     * Holds this running server in one mode whatever the setting says ({@code null}: follow the setting again). For
     * the integration tests only, which switch a shared server without touching the shared setting.
     */
    public void switchTo(Boolean manualMode) {
        override = manualMode;
    }
}
