package io.afterhours.request.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wall-clock windows across DST changes keep their true length (product.md F2), in Europe and in America. */
class RequestCommandTest {

    @ParameterizedTest
    @CsvSource({
        // autumn: the clocks go back, the night has an extra hour
        "Europe/Paris, 2026-10-24T22:00, 2026-10-25T06:00, 9",
        "America/New_York, 2026-10-31T22:00, 2026-11-01T06:00, 9",
        // spring: the clocks go forward, the night is an hour shorter
        "Europe/Paris, 2026-03-28T22:00, 2026-03-29T06:00, 7",
        "America/New_York, 2026-03-07T22:00, 2026-03-08T06:00, 7",
        // no change
        "Europe/Paris, 2026-11-28T22:00, 2026-11-29T06:00, 8"
    })
    void aWindowAcrossADstChangeKeepsItsTrueLength(String zone, String start, String end, long hours) {
        RequestCommand command = RequestCommand.inZone(
                LocalDateTime.parse(start), LocalDateTime.parse(end), ZoneId.of(zone), Set.of("TERMINAL"), "x");

        assertEquals(Duration.ofHours(hours), Duration.between(command.start(), command.end()));
    }

    @ParameterizedTest
    @CsvSource({
        "Europe/Paris, 2026-03-29T02:30, 2026-03-29T01:30:00Z",
        "America/New_York, 2026-03-08T02:30, 2026-03-08T07:30:00Z"
    })
    void aWallTimeInTheSpringGapMovesForward(String zone, String local, String expected) {
        RequestCommand command = RequestCommand.inZone(
                LocalDateTime.parse(local), LocalDateTime.parse(local).plusHours(2), ZoneId.of(zone), Set.of(), null);

        assertEquals(java.time.Instant.parse(expected), command.start());
    }
}
