package io.afterhours.hours.boundary;

import io.afterhours.directory.boundary.People;
import io.afterhours.hours.control.ScheduleCache;
import io.afterhours.hours.entity.SessionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a moment is working time (product.md F10), for the other features: intake's provisional classification by
 * the default policy, the request worker's final one by the person's own policy (the override of highest priority
 * among their directory groups, else the default) and session type, and a person's normal hours as text. Reads the
 * in-memory policies only: no database or directory call here.
 */
@ApplicationScoped
public class WorkingTime {

    @Inject
    ScheduleCache cache;

    @Inject
    People people;

    /** Working time for the default policy, whatever the session type: no group is known on the webhook path. */
    public static WorkingTime of(String days, String frames, String zone) {
        WorkingTime time = new WorkingTime();
        time.cache = ScheduleCache.of(days, frames, zone);
        return time;
    }

    /** Under the default policy, for any session type (intake's cheap, provisional answer). */
    public boolean isWorkingTime(Instant at) {
        return cache.defaultSchedule().covers(at, EnumSet.allOf(SessionType.class));
    }

    /**
     * Under the policy of someone in {@code groups}, for the session type the denial names or its EventType family
     * implies (any of them when neither says).
     */
    public boolean isWorkingTime(Set<String> groups, Instant at, String sessionType, Integer eventType) {
        return cache.applicable(groups).covers(at, SessionType.candidates(sessionType, eventType));
    }

    /** The hours of someone in {@code groups}, e.g. "Mon–Fri 08:00–19:00 (Europe/Paris)". */
    public String normalHours(Set<String> groups) {
        return cache.applicable(groups).describe();
    }

    /** The zone UserLock enforces the hours of someone in {@code groups} in: their policy's. */
    public java.time.ZoneId enforcedZone(Set<String> groups) {
        return cache.applicable(groups).zone();
    }

    /** The signed-in person's normal hours. */
    public String myNormalHours() {
        return normalHours(people.me().groups());
    }
}
