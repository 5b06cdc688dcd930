package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Last-seen times kept in memory and written in batches. */
class LastSeenTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aFlushWritesWhatChangedOnceAndAFailedFlushKeepsItForTheNext() {
        LastSeen<Long> seen = new LastSeen<>();
        seen.seen(1L, T0);
        seen.seen(1L, T0.plusMillis(900));
        assertEquals(Optional.of(T0), seen.get(1L), "at most once per key and second");

        assertThrows(
                IllegalStateException.class,
                () -> seen.flush(batch -> {
                    throw new IllegalStateException("database down");
                }));
        List<Map<Long, Instant>> written = new ArrayList<>();
        seen.flush(written::add);
        seen.flush(written::add);

        assertEquals(List.of(Map.of(1L, T0)), written, "written once, after the failure");
        seen.seen(1L, T0.plusSeconds(2));
        seen.flush(written::add);
        assertEquals(Map.of(1L, T0.plusSeconds(2)), written.get(1));
    }
}
