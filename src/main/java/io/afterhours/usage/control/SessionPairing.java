package io.afterhours.usage.control;

import io.afterhours.usage.boundary.UsageSummary;
import io.afterhours.usage.boundary.UsageSummary.UsedSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the logons and logoffs linked to a window into sessions and a total (product.md F6). A pure function of the
 * events, the window and the current time, recomputed on every read: events arriving late or out of order, or twice,
 * give the same answer as in order and once.
 *
 * <p>Rules: a logoff closes the open logon with the same session id on the same computer, else (no session id) the
 * one on the same computer and client address, else any open one on that computer. A logoff with no logon before it
 * in the window belongs to a session that began before the window and counts from the window's start; a second
 * logoff of a session already closed is a repeat and counts nothing. A session still open when the window
 * ends counts up to the end and is flagged; while the window runs it counts up to now. A second logon on a session
 * already open is the same session. Lock and unlock never reach here: they do not end sessions.
 */
public final class SessionPairing {

    private SessionPairing() {}

    /** Whether an event at {@code at} belongs to the window {@code [start, end]} (see {@link #summarize}). */
    public static boolean inWindow(boolean logon, Instant at, Instant start, Instant end) {
        return logon ? !at.isBefore(start) && at.isBefore(end) : at.isAfter(start) && !at.isAfter(end);
    }

    public static UsageSummary summarize(
            long requestId, Instant start, Instant end, Instant now, List<LinkedEvent> linked) {
        boolean started = !now.isBefore(start);
        Instant until = now.isBefore(end) ? now : end;
        List<LinkedEvent> events = new ArrayList<>(new LinkedHashSet<>(linked.stream()
                // A logon at the very end or a logoff at the very start adds no time and says nothing of use.
                .filter(e -> inWindow(e.logon(), e.at(), start, end))
                .map(SessionPairing::normalised)
                .toList()));
        // Logons first at the same instant: a session that starts and ends in the same instant is still one session.
        events.sort(Comparator.comparing(LinkedEvent::at).thenComparing(e -> !e.logon()));
        Map<String, LinkedEvent> open = new LinkedHashMap<>();
        Map<String, Instant> lastClosed = new LinkedHashMap<>();
        List<UsedSession> sessions = new ArrayList<>();
        for (LinkedEvent event : events) {
            if (event.logon()) {
                open.putIfAbsent(key(event), event);
                continue;
            }
            String key = openKeyFor(open, event);
            LinkedEvent logon = key == null ? null : open.remove(key);
            if (logon != null) {
                sessions.add(session(logon, event.at(), start, until, false));
                lastClosed.put(key, event.at());
                continue;
            }
            if (lastClosed.putIfAbsent(key(event), event.at()) != null) {
                // A second logoff of a session already closed: a repeat, not more time.
                continue;
            }
            sessions.add(new UsedSession(
                    event.computer(),
                    event.clientAddress(),
                    event.sessionId(),
                    null,
                    event.at(),
                    positive(start, min(event.at(), until)),
                    false));
        }
        boolean ended = !now.isBefore(end);
        for (LinkedEvent logon : open.values()) {
            sessions.add(session(logon, null, start, until, ended));
        }
        sessions.sort(Comparator.comparing((UsedSession s) -> s.logon() == null ? start : s.logon())
                .thenComparing(s -> s.logoff() == null ? end : s.logoff()));
        Duration total = sessions.stream().map(UsedSession::counted).reduce(Duration.ZERO, Duration::plus);
        Instant firstLogon = events.stream()
                .filter(LinkedEvent::logon)
                .map(LinkedEvent::at)
                .findFirst()
                .orElse(null);
        boolean openNow = !open.isEmpty();
        return new UsageSummary(
                requestId,
                start,
                end,
                now,
                started,
                !sessions.isEmpty(),
                firstLogon,
                total,
                openNow && ended,
                openNow && !ended,
                List.copyOf(sessions));
    }

    private static UsedSession session(LinkedEvent logon, Instant logoff, Instant start, Instant until, boolean atEnd) {
        Instant from = logon.at().isBefore(start) ? start : logon.at();
        Instant to = logoff == null ? until : min(logoff, until);
        return new UsedSession(
                logon.computer(),
                logon.clientAddress(),
                logon.sessionId(),
                logon.at(),
                logoff,
                positive(from, to),
                atEnd);
    }

    /** The open session a logoff closes: same session id, else same computer and client, else same computer. */
    private static String openKeyFor(Map<String, LinkedEvent> open, LinkedEvent logoff) {
        if (open.containsKey(key(logoff))) {
            return key(logoff);
        }
        return open.entrySet().stream()
                .filter(e -> Objects.equals(upper(e.getValue().computer()), upper(logoff.computer()))
                        && (logoff.sessionId() == null
                                || e.getValue().sessionId() == null
                                || Objects.equals(e.getValue().sessionId(), logoff.sessionId())))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static String key(LinkedEvent event) {
        return event.sessionId() != null
                ? upper(event.computer()) + "\u0000s\u0000" + event.sessionId()
                : upper(event.computer()) + "\u0000c\u0000" + event.clientAddress();
    }

    private static String upper(String computer) {
        return computer == null ? null : computer.toUpperCase(Locale.ROOT);
    }

    /** Blank values as none: UserLock sends empty strings as well as nulls. Computer names compare without case. */
    private static LinkedEvent normalised(LinkedEvent e) {
        return new LinkedEvent(
                e.logon(),
                e.at(),
                blank(e.computer()) ? null : e.computer().strip(),
                blank(e.clientAddress()) ? null : e.clientAddress().strip(),
                blank(e.sessionId()) ? null : e.sessionId().strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration positive(Instant from, Instant to) {
        return from.isBefore(to) ? Duration.between(from, to) : Duration.ZERO;
    }
}
