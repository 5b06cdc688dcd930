package io.afterhours.audit.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What a report (or the usage export beside it) covers: the days {@code from} to {@code to} (both included) in the
 * viewer's zone, and for auditors and administrators optionally one manager's team (their account name; blank:
 * everyone). Managers always get their own team, whatever {@code manager} says.
 */
public record ReportQuery(LocalDate from, LocalDate to, String manager) {

    /** A longer period is refused: a chart of more days than this is no longer readable. */
    public static final int MAX_DAYS = 366;

    /** Without dates: the 30 days up to today. */
    static final int DEFAULT_DAYS = 30;

    /**
     * The period as a form or a link gives it (yyyy-MM-dd, either blank for the default); a bad date or period is an
     * {@link IllegalArgumentException} whose message is the key of the text to show.
     */
    public static ReportQuery parse(String from, String to, String manager, LocalDate today) {
        LocalDate end;
        LocalDate start;
        try {
            end = blank(to) ? today : LocalDate.parse(to.strip());
            start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("report.period.invalid");
        }
        return new ReportQuery(start, end, manager).checked();
    }

    /** This query, if its period is one: both days given, in order, and not longer than {@link #MAX_DAYS}. */
    public ReportQuery checked() {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("report.period.invalid");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("report.period.tooLong");
        }
        return this;
    }

    /** The first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
