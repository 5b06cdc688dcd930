package io.afterhours.request.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.request.boundary.DecisionCommand;
import io.afterhours.request.boundary.RequestSummary;
import io.afterhours.request.entity.RequestOrigin;
import io.afterhours.request.entity.RequestState;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** "Approve for less" in one tap: never wider than asked, from now once the window has begun, "until" the next such time. */
class PresetsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theFirstMinutesOfAWindowStillToCome() {
        RequestSummary asked = window("2026-12-03T21:00:00Z", "2026-12-04T00:00:00Z");

        DecisionCommand hour = Presets.firstMinutes(asked, 60, Instant.parse("2026-12-03T20:00:00Z"));

        assertEquals(Instant.parse("2026-12-03T21:00:00Z"), hour.start());
        assertEquals(Instant.parse("2026-12-03T22:00:00Z"), hour.end());
    }

    @Test
    void aWindowAlreadyRunningIsShortenedFromNowAndNeverPastItsEnd() {
        RequestSummary asked = window("2026-12-03T21:00:00Z", "2026-12-03T22:30:00Z");
        Instant now = Instant.parse("2026-12-03T22:00:00Z");

        DecisionCommand twoHours = Presets.firstMinutes(asked, 120, now);

        assertEquals(now, twoHours.start());
        assertEquals(Instant.parse("2026-12-03T22:30:00Z"), twoHours.end(), "capped at the end asked for");
    }

    @Test
    void untilATimeOfDayMeansTheNextSuchTimeAfterTheStartInTheViewersZone() {
        RequestSummary asked = window("2026-12-03T21:00:00Z", "2026-12-04T03:00:00Z"); // 22:00 to 04:00 in Paris

        DecisionCommand untilOne =
                Presets.until(asked, LocalTime.of(1, 0), PARIS, Instant.parse("2026-12-01T00:00:00Z"));
        DecisionCommand untilEleven =
                Presets.until(asked, LocalTime.of(23, 0), PARIS, Instant.parse("2026-12-01T00:00:00Z"));

        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), untilOne.end(), "01:00 the next night, Paris time");
        assertEquals(Instant.parse("2026-12-03T22:00:00Z"), untilEleven.end());
    }

    @Test
    void untilLaterThanAskedIsCappedAtTheEndAskedFor() {
        RequestSummary asked = window("2026-12-03T21:00:00Z", "2026-12-03T22:00:00Z");

        DecisionCommand until = Presets.until(asked, LocalTime.of(2, 0), PARIS, Instant.parse("2026-12-01T00:00:00Z"));

        assertEquals(Instant.parse("2026-12-03T22:00:00Z"), until.end());
    }

    @Test
    void onlyPresetsShorterThanTheAskAreOffered() {
        RequestSummary hour = window("2026-12-03T21:00:00Z", "2026-12-03T22:00:00Z");

        assertTrue(Presets.offers(hour, 30));
        assertFalse(Presets.offers(hour, 60));
        assertFalse(Presets.offers(hour, 120));
    }

    private static RequestSummary window(String start, String end) {
        Instant from = Instant.parse(start);
        Instant to = Instant.parse(end);
        return new RequestSummary(
                7,
                RequestState.PENDING,
                RequestOrigin.AHEAD,
                "zlefevre",
                "Zoë",
                from,
                to,
                from,
                to,
                "WORKSTATION",
                "why",
                "Mathilde",
                null,
                "LINE_MANAGER",
                null,
                null,
                null,
                0,
                from,
                false,
                null,
                false,
                null);
    }
}
