package io.afterhours.hours.control;

import io.afterhours.hours.boundary.FrameText;
import io.afterhours.hours.boundary.PolicySummary;
import io.afterhours.hours.entity.SessionType;
import io.afterhours.hours.entity.TimeFrame;
import io.afterhours.hours.entity.WorkingHoursPolicy;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Translations between the stored policy (entity), its evaluated form ({@link Schedule}) and the page's records. */
public final class StoredPolicies {

    private StoredPolicies() {}

    public static Schedule schedule(WorkingHoursPolicy policy) {
        return new Schedule(
                policy.name(),
                policy.directoryGroup(),
                policy.priority(),
                ZoneId.of(policy.zone()),
                policy.frames().stream()
                        .map(f -> new Schedule.Frame(f.weekday(), f.start(), f.end(), types(f.sessionTypes())))
                        .toList());
    }

    public static List<TimeFrame> frames(Schedule schedule) {
        return schedule.frames().stream()
                .map(f -> new TimeFrame(
                        f.day(),
                        f.start(),
                        f.end(),
                        f.types().stream().map(Enum::name).collect(Collectors.joining(","))))
                .toList();
    }

    public static PolicySummary summary(WorkingHoursPolicy policy) {
        Schedule schedule = schedule(policy);
        return new PolicySummary(
                policy.id(),
                policy.version(),
                policy.name(),
                policy.directoryGroup(),
                policy.priority(),
                policy.zone(),
                schedule.describe(),
                schedule.frames().stream()
                        .map(f -> new FrameText(
                                f.day().name(),
                                f.start().toString(),
                                f.end().toString(),
                                f.types().stream()
                                        .map(Enum::name)
                                        .collect(Collectors.toCollection(LinkedHashSet::new))))
                        .toList());
    }

    private static Set<SessionType> types(String stored) {
        Set<SessionType> types = EnumSet.noneOf(SessionType.class);
        Arrays.stream(stored.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(s -> types.add(SessionType.valueOf(s)));
        return types;
    }
}
