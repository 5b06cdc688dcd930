package io.afterhours.usage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.usage.boundary.UsageSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPairingTest {

    static final Instant START = Instant.parse("2026-12-02T20:00:00Z");
    static final Instant END = Instant.parse("2026-12-02T22:00:00Z");
    static final Instant AFTER = Instant.parse("2026-12-03T08:00:00Z");

    static Instant at(String hhmm) {
        return Instant.parse("2026-12-02T" + hhmm + ":00Z");
    }

    static LinkedEvent on(String hhmm, String computer, String session) {
        return new LinkedEvent(true, at(hhmm), computer, "10.0.0.1", session);
    }

    static LinkedEvent off(String hhmm, String computer, String session) {
        return new LinkedEvent(false, at(hhmm), computer, "10.0.0.1", session);
    }

    static UsageSummary summary(Instant now, LinkedEvent... events) {
        return SessionPairing.summarize(7, START, END, now, List.of(events));
    }

    @Test
    void aLogonAndItsLogoffMakeOneSessionWithTheFirstLogon() {
        UsageSummary usage = summary(AFTER, on("20:10", "PC-1", "3"), off("21:30", "PC-1", "3"));

        assertTrue(usage.used());
        assertEquals(at("20:10"), usage.firstLogon());
        assertEquals(Duration.ofMinutes(80), usage.total());
        assertEquals(1, usage.sessions().size());
        assertFalse(usage.stillLoggedOnAtEnd());
    }

    @Test
    void noEventsIsNotUsedOnceStartedAndNotStartedBefore() {
        UsageSummary ended = summary(AFTER);
        assertTrue(ended.started());
        assertFalse(ended.used());
        assertEquals(Duration.ZERO, ended.total());

        assertFalse(summary(at("19:00")).started());
    }

    @Test
    void aSessionOpenAtTheEndCountsUpToTheEndAndIsFlagged() {
        UsageSummary usage = summary(AFTER, on("21:00", "PC-1", "3"));

        assertEquals(Duration.ofMinutes(60), usage.total());
        assertTrue(usage.stillLoggedOnAtEnd());
        assertTrue(usage.sessions().get(0).openAtEnd());
        assertNull(usage.sessions().get(0).logoff());
    }

    @Test
    void whileTheWindowRunsAnOpenSessionCountsUpToNow() {
        UsageSummary usage = summary(at("21:15"), on("21:00", "PC-1", "3"));

        assertEquals(Duration.ofMinutes(15), usage.total());
        assertTrue(usage.loggedOnNow());
        assertFalse(usage.stillLoggedOnAtEnd());
    }

    @Test
    void aLogoffWithoutLogonInTheWindowCountsFromTheStart() {
        UsageSummary usage = summary(AFTER, off("20:25", "PC-1", "3"));

        assertTrue(usage.used());
        assertNull(usage.firstLogon(), "logged on before the window");
        assertEquals(Duration.ofMinutes(25), usage.total());
    }

    @Test
    void eventsOutsideTheWindowDoNotCount() {
        UsageSummary usage = summary(AFTER, on("19:00", "PC-1", "3"), on("22:30", "PC-2", "4"));

        assertFalse(usage.used());
        assertEquals(Duration.ZERO, usage.total());
    }

    @Test
    void withoutSessionIdsLogoffsPairByComputerAndClient() {
        UsageSummary usage = summary(
                AFTER,
                new LinkedEvent(true, at("20:00"), "PC-1", "10.0.0.1", null),
                new LinkedEvent(true, at("20:30"), "PC-2", "10.0.0.2", null),
                new LinkedEvent(false, at("20:40"), "PC-2", "10.0.0.2", null),
                new LinkedEvent(false, at("21:00"), "pc-1", "10.0.0.1", null));

        assertEquals(2, usage.sessions().size());
        assertEquals(Duration.ofMinutes(60 + 10), usage.total());
        assertFalse(usage.stillLoggedOnAtEnd());
    }

    @Test
    void sessionIdsSeparateTwoSessionsOnOneComputer() {
        UsageSummary usage = summary(
                AFTER,
                on("20:00", "TS-1", "1"),
                on("20:10", "TS-1", "2"),
                off("20:20", "TS-1", "2"),
                off("21:00", "TS-1", "1"));

        assertEquals(Duration.ofMinutes(60 + 10), usage.total());
        assertEquals(2, usage.sessions().size());
    }

    @Test
    void theOrderAndRepeatsOfArrivalChangeNothing() {
        List<LinkedEvent> events = new ArrayList<>(List.of(
                on("20:05", "PC-1", "3"),
                off("20:35", "PC-1", "3"),
                on("21:00", "PC-2", "9"),
                off("21:20", "PC-2", "9"),
                off("20:15", "PC-3", "5")));
        UsageSummary inOrder = SessionPairing.summarize(7, START, END, AFTER, events);
        List<LinkedEvent> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled);
        shuffled.addAll(events);

        UsageSummary outOfOrder = SessionPairing.summarize(7, START, END, AFTER, shuffled);

        assertEquals(Duration.ofMinutes(30 + 20 + 15), inOrder.total());
        assertEquals(inOrder, outOfOrder);
    }

    @Test
    void aRepeatedLogoffOrLogonCountsNothingMore() {
        UsageSummary usage = summary(
                AFTER,
                on("20:00", "PC-1", "3"),
                on("20:05", "PC-1", "3"),
                off("20:30", "PC-1", "3"),
                off("20:40", "PC-1", "3"));

        assertEquals(Duration.ofMinutes(30), usage.total());
        assertEquals(1, usage.sessions().size());
    }

    @Test
    void aLogonAtTheVeryEndOrALogoffAtTheVeryStartIsNoUse() {
        UsageSummary usage = summary(AFTER, on("22:00", "PC-1", "3"), off("20:00", "PC-2", "4"));

        assertFalse(usage.used());
        assertFalse(usage.stillLoggedOnAtEnd());
    }
}
