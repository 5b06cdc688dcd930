package io.afterhours.hours.control;

import io.afterhours.hours.entity.SessionType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One working-hours policy as evaluated: weekly frames in a named zone, mirroring a UserLock "authorised" hour
 * restriction. A frame {@code 00:00-00:00} is the whole day (UserLock's convention); a frame whose end is before its
 * start runs overnight into the next day and belongs to the day it starts on. Immutable, so the cache can hand the
 * same instance to every thread.
 */
public record Schedule(String name, String group, int priority, ZoneId zone, List<Frame> frames) {

    public Schedule {
        frames = List.copyOf(frames);
    }

    /** One frame: a weekday, a start and an end (local times), and the session types it authorises. */
    public record Frame(DayOfWeek day, LocalTime start, LocalTime end, Set<SessionType> types) {

        public Frame {
            types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        }

        boolean wholeDay() {
            return start.equals(LocalTime.MIDNIGHT) && end.equals(LocalTime.MIDNIGHT);
        }

        boolean overnight() {
            return !end.isAfter(start) && !wholeDay();
        }

        boolean covers(DayOfWeek today, LocalTime time) {
            if (wholeDay()) {
                return day == today;
            }
            if (!overnight()) {
                return day == today && !time.isBefore(start) && time.isBefore(end);
            }
            return (day == today && !time.isBefore(start)) || (day.plus(1) == today && time.isBefore(end));
        }
    }

    public boolean isDefault() {
        return group == null;
    }

    /** Whether {@code at} falls in a frame that authorises at least one of {@code types}. */
    public boolean covers(Instant at, Set<SessionType> types) {
        ZonedDateTime local = at.atZone(zone);
        DayOfWeek today = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        for (Frame frame : frames) {
            if (!Collections.disjoint(frame.types(), types) && frame.covers(today, time)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The policy that applies to someone in {@code groups}: the override of highest priority among their groups
     * (ties: the group first in alphabetical order, so the answer never depends on load order), else the default.
     */
    public static Schedule applicable(List<Schedule> policies, Set<String> groups, Schedule fallback) {
        Set<String> mine = groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return policies.stream()
                .filter(p -> !p.isDefault() && mine.contains(p.group().toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(Schedule::priority)
                        .reversed()
                        .thenComparing(p -> p.group().toLowerCase(Locale.ROOT)))
                .or(() -> policies.stream().filter(Schedule::isDefault).findFirst())
                .orElse(fallback);
    }

    /**
     * The hours as a person reads them, with the zone named: "Mon–Fri 08:00–19:00 (Europe/Paris)". Days sharing the
     * same frames are written as ranges; session types are named only where a frame does not cover them all.
     */
    public String describe() {
        if (frames.isEmpty()) {
            return "no working hours (" + zone.getId() + ")";
        }
        // The frames of each day, in time order, as text; then days with the same text are grouped.
        Map<DayOfWeek, String> perDay = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = frames.stream()
                    .filter(f -> f.day() == day)
                    .sorted(Comparator.comparing(Frame::start))
                    .map(Schedule::frameText)
                    .collect(Collectors.joining(", "));
            if (!text.isEmpty()) {
                perDay.put(day, text);
            }
        }
        Map<String, SortedSet<DayOfWeek>> byText = new LinkedHashMap<>();
        perDay.forEach((day, text) ->
                byText.computeIfAbsent(text, t -> new TreeSet<>()).add(day));
        List<String> parts = new ArrayList<>();
        byText.forEach((text, days) -> parts.add(dayRanges(days) + " " + text));
        return String.join("; ", parts) + " (" + zone.getId() + ")";
    }

    /** Every field, for the audit trail's before/after. */
    public String auditText() {
        return "name=" + name + ", group=" + (group == null ? "(default)" : group) + ", priority=" + priority
                + ", zone=" + zone.getId() + ", frames=["
                + frames.stream()
                        .map(f -> f.day().name().substring(0, 3) + " " + f.start() + "-" + f.end() + " "
                                + f.types().stream().map(Enum::name).collect(Collectors.joining("+")))
                        .collect(Collectors.joining(", "))
                + "]";
    }

    /**
     * The default policy as {@code afterhours.hours.days}, {@code .frames} and {@code .zone} write it: every frame on
     * every listed day, for every session type.
     */
    public static Schedule fromSettings(String name, String days, String frames, String zone) {
        List<Frame> parsed = new ArrayList<>();
        Set<DayOfWeek> listedDays = parseDays(days);
        for (String frame : frames.split(",")) {
            String trimmed = frame.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] bounds = trimmed.split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("afterhours.hours.frames: expected HH:MM-HH:MM, got " + trimmed);
            }
            LocalTime start = LocalTime.parse(bounds[0].strip());
            LocalTime end = LocalTime.parse(bounds[1].strip());
            for (DayOfWeek day : listedDays) {
                parsed.add(new Frame(day, start, end, EnumSet.allOf(SessionType.class)));
            }
        }
        return new Schedule(name, null, 0, ZoneId.of(zone), parsed);
    }

    private static Set<DayOfWeek> parseDays(String value) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String day : value.split(",")) {
            String name = day.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            result.add(Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().startsWith(name.length() >= 3 ? name.substring(0, 3) : name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("afterhours.hours.days: unknown day " + day)));
        }
        return result;
    }

    private static String frameText(Frame frame) {
        String time = frame.wholeDay() ? "all day" : frame.start() + "–" + frame.end();
        return frame.types().size() == SessionType.values().length
                ? time
                : time + " ("
                        + frame.types().stream()
                                .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '/'))
                                .collect(Collectors.joining(", "))
                        + ")";
    }

    /** "Mon–Fri", "Mon, Wed", "Mon–Wed, Sat". */
    private static String dayRanges(SortedSet<DayOfWeek> days) {
        List<String> ranges = new ArrayList<>();
        DayOfWeek first = null;
        DayOfWeek last = null;
        for (DayOfWeek day : days) {
            if (first != null && day.getValue() == last.getValue() + 1) {
                last = day;
                continue;
            }
            if (first != null) {
                ranges.add(range(first, last));
            }
            first = day;
            last = day;
        }
        ranges.add(range(first, last));
        return String.join(", ", ranges);
    }

    private static String range(DayOfWeek first, DayOfWeek last) {
        String from = first.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (first == last) {
            return from;
        }
        String to = last.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return last.getValue() == first.getValue() + 1 ? from + ", " + to : from + "–" + to;
    }
}
