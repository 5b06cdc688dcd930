package io.afterhours.hours.control;

import io.afterhours.hours.boundary.PoliciesChanged;
import io.afterhours.hours.boundary.WorkingHoursPolicies;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LogSafe;
import io.afterhours.platform.control.PeriodicJob;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The working-hours policies in memory, so that classifying a denial costs no database call (intake's webhook path
 * reads only this). Reloaded every {@code afterhours.hours.refresh} and right after an administrator's change is
 * committed on this instance; other instances see it within the refresh interval. Until the first load, and if the
 * database is unreachable, it keeps what it had, starting from the default policy written in the
 * {@code afterhours.hours.*} settings, which is also what seeds the table on first start.
 */
@ApplicationScoped
public class ScheduleCache {

    private static final Logger LOG = Logger.getLogger(ScheduleCache.class.getName());
    static final String DEFAULT_NAME = "Default";

    @Inject
    @ConfigProperty(name = "afterhours.hours.days")
    String days;

    @Inject
    @ConfigProperty(name = "afterhours.hours.frames")
    String frames;

    @Inject
    @ConfigProperty(name = "afterhours.hours.zone")
    String zone;

    @Inject
    @ConfigProperty(name = "afterhours.hours.refresh")
    Duration refresh;

    @Inject
    WorkingHoursPolicies policies;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Schedule fromSettings;
    private volatile List<Schedule> loaded;
    private final PeriodicJob job =
            PeriodicJob.loggingTo(LOG).step("Working-hours policies kept as they were: {0}", this::reload);

    @PostConstruct
    void load() {
        fromSettings = Schedule.fromSettings(DEFAULT_NAME, days, frames, zone);
        loaded = List.of(fromSettings);
    }

    /** A cache that only ever holds the default policy from these settings (unit tests, no database). */
    public static ScheduleCache of(String days, String frames, String zone) {
        ScheduleCache cache = new ScheduleCache();
        cache.days = days;
        cache.frames = frames;
        cache.zone = zone;
        cache.load();
        return cache;
    }

    /** Seeds the default policy if the table has none, loads, and keeps reloading. */
    void start(@Observes SchemaReady ready) {
        seedDefault();
        job.runNow();
        job.start(scheduler, refresh, refresh);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PoliciesChanged changed) {
        job.runNow();
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    public Schedule defaultSchedule() {
        return Schedule.applicable(loaded, Set.of(), fromSettings);
    }

    public Schedule applicable(Set<String> groups) {
        return Schedule.applicable(loaded, groups, fromSettings);
    }

    private void seedDefault() {
        try {
            if (policies.seedDefault(fromSettings)) {
                LOG.info(() ->
                        "Seeded the default working-hours policy from afterhours.hours.*: " + fromSettings.describe());
            }
        } catch (RuntimeException e) {
            // Another instance seeded it at the same moment (unique scope key): theirs stands.
            LOG.log(Level.INFO, "Default working-hours policy not seeded here: {0}", LogSafe.of(e.toString()));
        }
    }

    private void reload() {
        List<Schedule> fresh = policies.schedules();
        loaded = fresh.isEmpty() ? List.of(fromSettings) : fresh;
    }
}
