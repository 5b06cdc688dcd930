package io.afterhours.request.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WindowTextTest {

    private static final Instant START = Instant.parse("2024-03-12T21:00:00Z");

    @Test
    void writesLengthsInHoursAndMinutes() {
        assertEquals("2 h", WindowText.length(START, START.plusSeconds(7200)));
        assertEquals("1 h 30 min", WindowText.length(START, START.plusSeconds(5400)));
        assertEquals("45 min", WindowText.length(START, START.plusSeconds(2700)));
    }

    @Test
    void writesMomentsInTheZoneWithTheYearWhenItIsNotThisOne() {
        assertEquals("Tue 12 Mar 2024 22:00", WindowText.moment(START, ZoneId.of("Europe/Paris")));
        assertEquals("", WindowText.moment(null, ZoneId.of("UTC")));
    }
}
