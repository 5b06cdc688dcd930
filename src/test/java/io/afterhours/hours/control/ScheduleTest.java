package io.afterhours.hours.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.hours.entity.SessionType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluating a working-hours policy: frames, whole days, overnight frames, DST days, session types, and which policy
 * applies to whom. 2024-03-04 is a Monday.
 */
class ScheduleTest {

    private static final String WEEKDAYS = "MON,TUE,WED,THU,FRI";
    private static final String EVERY_DAY = "MON,TUE,WED,THU,FRI,SAT,SUN";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Hours office = Hours.of(WEEKDAYS, "08:00-19:00", "Europe/Paris");

    @Test
    void calendarUsedByTheseTestsIsRight() {
        assertEquals(DayOfWeek.MONDAY, LocalDateTime.parse("2024-03-04T00:00").getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, LocalDateTime.parse("2024-03-31T00:00").getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, LocalDateTime.parse("2024-10-27T00:00").getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, LocalDateTime.parse("2024-03-10T00:00").getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, LocalDateTime.parse("2024-11-03T00:00").getDayOfWeek());
    }

    @Test
    void weekdayMorningIsInside() {
        assertTrue(office.isWorkingTime(paris("2024-03-05T10:00")));
    }

    @Test
    void frameStartIsInsideAndFrameEndIsOutside() {
        assertTrue(office.isWorkingTime(paris("2024-03-05T08:00")));
        assertTrue(office.isWorkingTime(paris("2024-03-05T18:59:59")));
        assertFalse(office.isWorkingTime(paris("2024-03-05T19:00")));
    }

    @Test
    void beforeTheFrameIsOutside() {
        assertFalse(office.isWorkingTime(paris("2024-03-05T07:59:59")));
    }

    @Test
    void afterTheFrameIsOutside() {
        assertFalse(office.isWorkingTime(paris("2024-03-05T21:47")));
    }

    @Test
    void weekendIsOutside() {
        assertFalse(office.isWorkingTime(paris("2024-03-09T10:00")));
        assertFalse(office.isWorkingTime(paris("2024-03-10T10:00")));
    }

    @Test
    void theConfiguredZoneIsUsedNotUtc() {
        // 07:30 UTC is 08:30 in Paris (inside) but 07:30 in UTC terms (outside).
        Instant instant = Instant.parse("2024-03-05T07:30:00Z");

        assertTrue(office.isWorkingTime(instant));
        assertFalse(Hours.of(WEEKDAYS, "08:00-19:00", "UTC").isWorkingTime(instant));
        assertEquals(PARIS, office.schedule.zone());
    }

    @Test
    void wholeDayFrameCoversEveryMomentOfAWorkingDay() {
        Hours hours = Hours.of(WEEKDAYS, "00:00-00:00", "Europe/Paris");

        assertTrue(hours.isWorkingTime(paris("2024-03-05T00:00")));
        assertTrue(hours.isWorkingTime(paris("2024-03-05T03:00")));
        assertTrue(hours.isWorkingTime(paris("2024-03-05T23:59:59")));
        assertFalse(hours.isWorkingTime(paris("2024-03-09T03:00")));
    }

    @Test
    void overnightFrameBelongsToTheDayItStartsOn() {
        Hours nights = Hours.of(WEEKDAYS, "22:00-06:00", "Europe/Paris");

        assertTrue(nights.isWorkingTime(paris("2024-03-08T23:00")), "Friday 23:00");
        assertTrue(nights.isWorkingTime(paris("2024-03-09T05:00")), "Saturday 05:00, Friday's night");
        assertFalse(nights.isWorkingTime(paris("2024-03-09T06:00")), "Saturday 06:00, end of Friday's night");
        assertFalse(nights.isWorkingTime(paris("2024-03-09T23:00")), "Saturday 23:00");
        assertFalse(nights.isWorkingTime(paris("2024-03-10T05:00")), "Sunday 05:00, Saturday's night");
        assertFalse(nights.isWorkingTime(paris("2024-03-04T05:00")), "Monday 05:00, Sunday's night");
        assertTrue(nights.isWorkingTime(paris("2024-03-04T22:00")), "Monday 22:00");
        assertFalse(nights.isWorkingTime(paris("2024-03-04T21:59")), "Monday 21:59");
        assertFalse(nights.isWorkingTime(paris("2024-03-05T12:00")), "Tuesday noon");
    }

    @Test
    void severalFramesAreCombined() {
        Hours split = Hours.of(WEEKDAYS, "08:00-12:00, 14:00-18:00", "Europe/Paris");

        assertTrue(split.isWorkingTime(paris("2024-03-05T11:00")));
        assertFalse(split.isWorkingTime(paris("2024-03-05T13:00")));
        assertTrue(split.isWorkingTime(paris("2024-03-05T15:00")));
    }

    @Test
    void parisSpringForwardDayUsesSummerOffsetAfterTheChange() {
        // 2024-03-31: 02:00 CET became 03:00 CEST, so 08:00 local is 06:00 UTC.
        Hours hours = Hours.of(EVERY_DAY, "08:00-19:00", "Europe/Paris");

        assertFalse(hours.isWorkingTime(Instant.parse("2024-03-31T05:59:00Z")));
        assertTrue(hours.isWorkingTime(Instant.parse("2024-03-31T06:00:00Z")));
        assertTrue(hours.isWorkingTime(Instant.parse("2024-03-31T16:59:00Z")));
        assertFalse(hours.isWorkingTime(Instant.parse("2024-03-31T17:00:00Z")));
    }

    @Test
    void parisFallBackDayUsesWinterOffsetAfterTheChange() {
        // 2024-10-27: 03:00 CEST became 02:00 CET, so 08:00 local is 07:00 UTC.
        Hours hours = Hours.of(EVERY_DAY, "08:00-19:00", "Europe/Paris");

        assertFalse(hours.isWorkingTime(Instant.parse("2024-10-27T06:30:00Z")));
        assertTrue(hours.isWorkingTime(Instant.parse("2024-10-27T07:00:00Z")));
        assertFalse(hours.isWorkingTime(Instant.parse("2024-10-27T18:00:00Z")));
    }

    @Test
    void overnightFrameAcrossTheParisSpringForward() {
        // Saturday's night 22:00-06:00 is one hour shorter in UTC: it ends at 04:00 UTC on Sunday.
        Hours nights = Hours.of("SAT", "22:00-06:00", "Europe/Paris");

        assertTrue(nights.isWorkingTime(Instant.parse("2024-03-30T21:00:00Z")));
        assertTrue(nights.isWorkingTime(Instant.parse("2024-03-31T03:59:00Z")));
        assertFalse(nights.isWorkingTime(Instant.parse("2024-03-31T04:00:00Z")));
    }

    @Test
    void newYorkSpringForwardDay() {
        // 2024-03-10: 02:00 EST became 03:00 EDT, so 08:00 local is 12:00 UTC.
        Hours hours = Hours.of(EVERY_DAY, "08:00-19:00", "America/New_York");

        assertFalse(hours.isWorkingTime(Instant.parse("2024-03-10T11:59:00Z")));
        assertTrue(hours.isWorkingTime(Instant.parse("2024-03-10T12:00:00Z")));
        assertEquals(NEW_YORK, hours.schedule.zone());
    }

    @Test
    void newYorkFallBackDay() {
        // 2024-11-03: 02:00 EDT became 01:00 EST, so 08:00 local is 13:00 UTC.
        Hours hours = Hours.of(EVERY_DAY, "08:00-19:00", "America/New_York");

        assertFalse(hours.isWorkingTime(Instant.parse("2024-11-03T12:30:00Z")));
        assertTrue(hours.isWorkingTime(Instant.parse("2024-11-03T13:00:00Z")));
    }

    @Test
    void newYorkFirstWeekdayAfterTheChange() {
        Hours hours = Hours.of(WEEKDAYS, "08:00-19:00", "America/New_York");

        assertFalse(hours.isWorkingTime(Instant.parse("2024-03-11T11:30:00Z")));
        assertTrue(hours.isWorkingTime(Instant.parse("2024-03-11T12:30:00Z")));
    }

    @Test
    void dayNamesAreCaseInsensitiveAndMayBeSpelledOut() {
        Hours hours = Hours.of(" monday , Tue,", "08:00-19:00", "Europe/Paris");

        assertTrue(hours.isWorkingTime(paris("2024-03-04T10:00")));
        assertTrue(hours.isWorkingTime(paris("2024-03-05T10:00")));
        assertFalse(hours.isWorkingTime(paris("2024-03-06T10:00")));
    }

    @Test
    void unknownDayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Hours.of("MON,FUNDAY", "08:00-19:00", "UTC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08:00", "08:00-12:00-14:00"})
    void frameWithoutExactlyTwoBoundsIsRefused(String frames) {
        assertThrows(IllegalArgumentException.class, () -> Hours.of(WEEKDAYS, frames, "UTC"));
    }

    @Test
    void unparsableTimeIsRefused() {
        assertThrows(DateTimeParseException.class, () -> Hours.of(WEEKDAYS, "8h-19h", "UTC"));
    }

    // --- session types ------------------------------------------------------------------------------------------

    @Test
    void aFrameAuthorisesOnlyItsSessionTypes() {
        Schedule desk = schedule(
                "Desk", null, 0, "Europe/Paris", frame(DayOfWeek.TUESDAY, "08:00", "19:00", SessionType.WORKSTATION));
        Instant tuesdayMorning = paris("2024-03-05T10:00");

        assertTrue(desk.covers(tuesdayMorning, EnumSet.of(SessionType.WORKSTATION)));
        assertFalse(desk.covers(tuesdayMorning, EnumSet.of(SessionType.WIFI_VPN)), "VPN is not authorised then");
        assertTrue(desk.covers(tuesdayMorning, EnumSet.of(SessionType.WIFI_VPN, SessionType.WORKSTATION)));
    }

    @Test
    void aDenialsSessionTypeComesFromItsFieldElseFromItsEventTypeFamily() {
        assertEquals(EnumSet.of(SessionType.TERMINAL), SessionType.candidates("rdp", 4));
        assertEquals(EnumSet.of(SessionType.WIFI_VPN), SessionType.candidates("1", 204));
        assertEquals(EnumSet.of(SessionType.IIS), SessionType.candidates(null, 104));
        assertEquals(EnumSet.of(SessionType.SAAS), SessionType.candidates(null, 504));
        assertEquals(EnumSet.of(SessionType.WORKSTATION, SessionType.TERMINAL), SessionType.candidates("1", 4));
        assertEquals(EnumSet.allOf(SessionType.class), SessionType.candidates(null, null));
    }

    // --- which policy applies -----------------------------------------------------------------------------------

    @Test
    void theOverrideOfHighestPriorityAmongTheGroupsWinsElseTheDefault() {
        Schedule byDefault = Schedule.fromSettings("Default", WEEKDAYS, "08:00-19:00", "Europe/Paris");
        Schedule nightOps =
                schedule("Nights", "Night-Ops", 10, "Europe/Paris", frame(DayOfWeek.MONDAY, "22:00", "06:00"));
        Schedule support =
                schedule("Support", "Support", 20, "America/New_York", frame(DayOfWeek.MONDAY, "00:00", "00:00"));
        List<Schedule> all = List.of(nightOps, byDefault, support);

        assertEquals(support, Schedule.applicable(all, Set.of("night-ops", "SUPPORT"), null), "20 beats 10, any case");
        assertEquals(nightOps, Schedule.applicable(all, Set.of("Night-Ops", "Directors"), null));
        assertEquals(byDefault, Schedule.applicable(all, Set.of("Directors"), null), "no override: the default");
        assertEquals(byDefault, Schedule.applicable(List.of(), Set.of(), byDefault), "nothing stored: the fallback");
    }

    @Test
    void equalPrioritiesAreDecidedByGroupNameNotByLoadOrder() {
        Schedule a = schedule("A", "Alpha", 5, "UTC", frame(DayOfWeek.MONDAY, "08:00", "09:00"));
        Schedule b = schedule("B", "Beta", 5, "UTC", frame(DayOfWeek.MONDAY, "09:00", "10:00"));

        assertEquals(a, Schedule.applicable(List.of(b, a), Set.of("Alpha", "Beta"), null));
        assertEquals(a, Schedule.applicable(List.of(a, b), Set.of("Alpha", "Beta"), null));
    }

    @Test
    void anOverrideCanMakeTheDefaultsWorkingTimeOutOfHoursAndTheReverse() {
        Schedule byDefault = Schedule.fromSettings("Default", WEEKDAYS, "08:00-19:00", "Europe/Paris");
        Schedule weekend =
                schedule("Weekend", "Weekend-Crew", 1, "Europe/Paris", frame(DayOfWeek.SATURDAY, "10:00", "12:00"));
        List<Schedule> all = List.of(byDefault, weekend);
        Set<SessionType> any = EnumSet.allOf(SessionType.class);

        assertTrue(Schedule.applicable(all, Set.of(), null).covers(paris("2024-03-06T10:00"), any));
        assertFalse(Schedule.applicable(all, Set.of("Weekend-Crew"), null).covers(paris("2024-03-06T10:00"), any));
        assertTrue(Schedule.applicable(all, Set.of("Weekend-Crew"), null).covers(paris("2024-03-09T11:00"), any));
    }

    // --- as people read it ----------------------------------------------------------------------------------------

    @Test
    void normalHoursReadAsDayRangesWithTheZoneNamed() {
        assertEquals("Mon–Fri 08:00–19:00 (Europe/Paris)", office.schedule.describe());
        assertEquals(
                "Mon, Tue all day; Sat 22:00–06:00 (America/New_York)",
                schedule(
                                "X",
                                null,
                                0,
                                "America/New_York",
                                frame(DayOfWeek.MONDAY, "00:00", "00:00"),
                                frame(DayOfWeek.TUESDAY, "00:00", "00:00"),
                                frame(DayOfWeek.SATURDAY, "22:00", "06:00"))
                        .describe());
        assertEquals(
                "Mon, Wed 08:00–12:00 (workstation) (UTC)",
                schedule(
                                "X",
                                null,
                                0,
                                "UTC",
                                frame(DayOfWeek.MONDAY, "08:00", "12:00", SessionType.WORKSTATION),
                                frame(DayOfWeek.WEDNESDAY, "08:00", "12:00", SessionType.WORKSTATION))
                        .describe());
    }

    static Schedule schedule(String name, String group, int priority, String zone, Schedule.Frame... frames) {
        return new Schedule(name, group, priority, ZoneId.of(zone), List.of(frames));
    }

    static Schedule.Frame frame(DayOfWeek day, String start, String end, SessionType... types) {
        return new Schedule.Frame(
                day,
                LocalTime.parse(start),
                LocalTime.parse(end),
                types.length == 0 ? EnumSet.allOf(SessionType.class) : EnumSet.copyOf(List.of(types)));
    }

    /** The default policy from settings, evaluated for any session type, as intake does. */
    private record Hours(Schedule schedule) {
        static Hours of(String days, String frames, String zone) {
            return new Hours(Schedule.fromSettings("Default", days, frames, zone));
        }

        boolean isWorkingTime(Instant instant) {
            return schedule.covers(instant, EnumSet.allOf(SessionType.class));
        }
    }

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }
}
