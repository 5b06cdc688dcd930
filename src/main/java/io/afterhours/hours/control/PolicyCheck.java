package io.afterhours.hours.control;

import io.afterhours.hours.boundary.FrameText;
import io.afterhours.hours.entity.SessionType;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a policy as an administrator wrote it and turns it into a {@link Schedule}. Every problem is reported at
 * once, as a message key with the frame's number where it concerns one frame ({@code key|n}).
 */
public final class PolicyCheck {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    private PolicyCheck() {}

    /** The outcome: the problems (empty when fine) and, when there are none, the schedule. */
    public record Checked(List<String> problems, Schedule schedule) {}

    public static Checked check(String name, String group, int priority, String zone, List<FrameText> frames) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("hours.problem.name");
        }
        ZoneId zoneId = zone(zone);
        if (zoneId == null) {
            problems.add("hours.problem.zone");
        }
        if (priority < 0 || priority > 1000) {
            problems.add("hours.problem.priority");
        }
        List<Schedule.Frame> parsed = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Schedule.Frame frame = frame(frames.get(i), i + 1, problems);
            if (frame != null) {
                parsed.add(frame);
            }
        }
        if (parsed.size() == frames.size()) {
            problems.addAll(overlaps(parsed));
        }
        return new Checked(
                problems, problems.isEmpty() ? new Schedule(name.strip(), group, priority, zoneId, parsed) : null);
    }

    /** An IANA region zone such as Europe/Paris; fixed offsets ("+02:00") do not follow DST and are refused. */
    private static ZoneId zone(String zone) {
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone.strip())) {
            return null;
        }
        return ZoneId.of(zone.strip());
    }

    private static Schedule.Frame frame(FrameText text, int number, List<String> problems) {
        int before = problems.size();
        DayOfWeek day = null;
        try {
            day = text.weekday() == null
                    ? null
                    : DayOfWeek.valueOf(text.weekday().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (day == null) {
            problems.add("hours.problem.weekday|" + number);
        }
        LocalTime start = time(text.start());
        LocalTime end = time(text.end());
        if (start == null || end == null) {
            problems.add("hours.problem.time|" + number);
        } else if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
            problems.add("hours.problem.empty|" + number);
        }
        Set<SessionType> types = EnumSet.noneOf(SessionType.class);
        Set<String> unknown = new LinkedHashSet<>();
        for (String type : text.sessionTypes() == null ? Set.<String>of() : text.sessionTypes()) {
            try {
                types.add(SessionType.valueOf(type.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                unknown.add(type);
            }
        }
        if (types.isEmpty() || !unknown.isEmpty()) {
            problems.add("hours.problem.sessionTypes|" + number);
        }
        return problems.size() == before ? new Schedule.Frame(day, start, end, types) : null;
    }

    private static LocalTime time(String text) {
        if (text == null || !text.strip().matches("\\d{2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Frames that share a moment of the week and a session type: UserLock would never tell them apart. */
    private static List<String> overlaps(List<Schedule.Frame> frames) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            for (int j = i + 1; j < frames.size(); j++) {
                Schedule.Frame a = frames.get(i);
                Schedule.Frame b = frames.get(j);
                if (!java.util.Collections.disjoint(a.types(), b.types()) && overlap(minutes(a), minutes(b))) {
                    problems.add("hours.problem.overlap|" + (i + 1) + "|" + (j + 1));
                }
            }
        }
        return problems;
    }

    /** The frame as [from, to) minutes of the week from Monday 00:00; an overnight frame may run past the week. */
    private static int[] minutes(Schedule.Frame frame) {
        int from = (frame.day().getValue() - 1) * MINUTES_PER_DAY
                + frame.start().getHour() * 60
                + frame.start().getMinute();
        int length;
        if (frame.wholeDay()) {
            length = MINUTES_PER_DAY;
        } else {
            int start = frame.start().toSecondOfDay() / 60;
            int end = frame.end().toSecondOfDay() / 60;
            length = end > start ? end - start : end + MINUTES_PER_DAY - start;
        }
        return new int[] {from, from + length};
    }

    private static boolean overlap(int[] a, int[] b) {
        // Compare on the week's circle: Sunday's night runs into Monday.
        for (int shift : new int[] {-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK}) {
            if (a[0] < b[1] + shift && b[0] + shift < a[1]) {
                return true;
            }
        }
        return false;
    }
}
