package io.afterhours.request.web;

import io.afterhours.request.boundary.DecisionCommand;
import io.afterhours.request.boundary.RequestSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * "Approve for less" in one tap: the first 30 min / 1 h / 2 h of what is still to come of the window, or until a time
 * of day. Never wider than asked: the end is capped at the requested end (the boundary refuses wider anyway).
 */
final class Presets {

    private Presets() {}

    static DecisionCommand firstMinutes(RequestSummary request, int minutes, Instant now) {
        Instant start = request.requestedStart().isBefore(now) ? now : request.requestedStart();
        return DecisionCommand.approve(request.id(), start, cap(request, start.plus(Duration.ofMinutes(minutes))));
    }

    /**
     * Until {@code time} in {@code zone}: the first such moment after the window's start, so "until 01:00" on a window
     * starting at 22:00 means the next night's 01:00.
     */
    static DecisionCommand until(RequestSummary request, LocalTime time, ZoneId zone, Instant now) {
        Instant start = request.requestedStart().isBefore(now) ? now : request.requestedStart();
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime end = from.with(time);
        if (!end.isAfter(from)) {
            end = end.plusDays(1).with(time);
        }
        return DecisionCommand.approve(request.id(), start, cap(request, end.toInstant()));
    }

    /** Whether a preset is shorter than what was asked (otherwise "approve" already says it). */
    static boolean offers(RequestSummary request, int minutes) {
        return Duration.between(request.requestedStart(), request.requestedEnd())
                        .toMinutes()
                > minutes;
    }

    private static Instant cap(RequestSummary request, Instant end) {
        return end.isAfter(request.requestedEnd()) ? request.requestedEnd() : end;
    }
}
