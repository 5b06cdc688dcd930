package io.afterhours.intake.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default working-hours policy, mirroring a UserLock "authorised" hour restriction: weekdays × time frames in a
 * named zone. A frame {@code 00:00-00:00} is the whole day (UserLock's convention); a frame whose end is before its
 * start runs overnight into the next day and belongs to the day it starts on. Per-group policies replace this with
 * the requests feature (issue 4).
 */
@ApplicationScoped
public class WorkingHours {

    @Inject
    @ConfigProperty(name = "afterhours.hours.days")
    String days;

    @Inject
    @ConfigProperty(name = "afterhours.hours.frames")
    String frames;

    @Inject
    @ConfigProperty(name = "afterhours.hours.zone")
    String zone;

    private Set<DayOfWeek> workingDays;
    private List<Frame> workingFrames;
    private ZoneId zoneId;

    @PostConstruct
    void load() {
        workingDays = parseDays(days);
        workingFrames = parseFrames(frames);
        zoneId = ZoneId.of(zone);
    }

    public static WorkingHours of(String days, String frames, String zone) {
        WorkingHours hours = new WorkingHours();
        hours.days = days;
        hours.frames = frames;
        hours.zone = zone;
        hours.load();
        return hours;
    }

    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zoneId);
        LocalTime time = local.toLocalTime();
        for (Frame frame : workingFrames) {
            if (frame.wholeDay()) {
                if (workingDays.contains(local.getDayOfWeek())) {
                    return true;
                }
            } else if (!frame.overnight()) {
                if (workingDays.contains(local.getDayOfWeek())
                        && !time.isBefore(frame.start())
                        && time.isBefore(frame.end())) {
                    return true;
                }
            } else if ((workingDays.contains(local.getDayOfWeek()) && !time.isBefore(frame.start()))
                    || (workingDays.contains(local.getDayOfWeek().minus(1)) && time.isBefore(frame.end()))) {
                return true;
            }
        }
        return false;
    }

    public ZoneId zone() {
        return zoneId;
    }

    private static Set<DayOfWeek> parseDays(String value) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String day : value.split(",")) {
            String name = day.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            result.add(java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().startsWith(name.length() >= 3 ? name.substring(0, 3) : name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("afterhours.hours.days: unknown day " + day)));
        }
        return result;
    }

    private static List<Frame> parseFrames(String value) {
        List<Frame> result = new ArrayList<>();
        for (String frame : value.split(",")) {
            String trimmed = frame.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] bounds = trimmed.split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("afterhours.hours.frames: expected HH:MM-HH:MM, got " + trimmed);
            }
            result.add(new Frame(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip())));
        }
        return result;
    }

    private record Frame(LocalTime start, LocalTime end) {
        boolean wholeDay() {
            return start.equals(end);
        }

        boolean overnight() {
            return end.isBefore(start);
        }
    }
}
