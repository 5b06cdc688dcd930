package io.afterhours.admin.boundary;

import io.afterhours.admin.control.SettingCatalog;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.PeriodicJob;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The effective value of a setting an administrator may change in the portal, for the features that read it. The
 * precedence (docs/configuration.md): an operator's pin (any configuration source above the WAR's own
 * microprofile-config.properties: an environment variable, a system property, a password alias) wins over a value
 * saved in the portal, which wins over the shipped default. Saved values are held in memory, reloaded every
 * {@code afterhours.settings.refresh} and right after a change commits on this instance, so reading one costs no
 * database call; other instances see a change within the refresh interval.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    /** The ordinal of microprofile-config.properties: what sits above it was set by the operator. */
    static final int DEFAULTS_ORDINAL = 100;

    @Inject
    Config config;

    @Inject
    SettingsAdministration administration;

    @Inject
    @ConfigProperty(name = "afterhours.settings.refresh")
    Duration refresh;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Map<String, SavedValue> saved = Map.of();
    private final PeriodicJob reloading =
            PeriodicJob.loggingTo(LOG).step("Saved settings kept as they were: {0}", this::reload);
    /** Moves on whenever the saved values change, so a reader may keep what it derived from them until then. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** A value saved in the portal, as the cache holds it. */
    public record SavedValue(String value, String changedBy, java.time.Instant changedAt, long version) {}

    void start(@Observes SchemaReady ready) {
        reloading.runNow();
        reloading.start(scheduler, refresh, refresh);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged changed) {
        reloading.runNow();
    }

    @PreDestroy
    void stop() {
        reloading.stop();
    }

    /** The effective value of a portal setting (see the class comment for the precedence). */
    public String value(String key) {
        requireKnown(key);
        Optional<String> pin =
                pinnedBy(key).map(source -> config.getConfigValue(key).getValue());
        if (pin.isPresent()) {
            return pin.get();
        }
        SavedValue stored = saved.get(key);
        return stored != null ? stored.value() : configured(key).orElse("");
    }

    /**
     * A number that changes whenever the saved values do (a save or reset here, or one seen at the refresh): a reader
     * that turns settings into something costlier to build (the field mapping) rebuilds only when it moved. One
     * volatile read, cheap enough for every notification. Operator pins do not change while the portal runs.
     */
    public long generation() {
        return generation.get();
    }

    public Duration duration(String key) {
        return Duration.parse(value(key));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(value(key));
    }

    /** The operator source that pins this key (for example "EnvironmentVariablesConfigSource"), if one does. */
    public Optional<String> pinnedBy(String key) {
        ConfigValue value = config.getConfigValue(key);
        if (value == null || value.getValue() == null || value.getValue().isEmpty()) {
            return Optional.empty();
        }
        return value.getSourceOrdinal() > DEFAULTS_ORDINAL
                ? Optional.of(String.valueOf(value.getSourceName()))
                : Optional.empty();
    }

    /** The default shipped in the WAR, or what the operator pinned: the value without the portal's layer. */
    public Optional<String> configured(String key) {
        return config.getOptionalValue(key, String.class);
    }

    Optional<SavedValue> saved(String key) {
        return Optional.ofNullable(saved.get(key));
    }

    private static void requireKnown(String key) {
        if (SettingCatalog.find(key).isEmpty()) {
            throw new IllegalArgumentException(key + " is not a portal setting");
        }
    }

    private synchronized void reload() {
        Map<String, SavedValue> now = administration.stored();
        if (!now.equals(saved)) {
            saved = now;
            generation.incrementAndGet();
        }
    }
}
