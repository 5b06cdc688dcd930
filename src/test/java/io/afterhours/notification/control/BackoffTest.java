package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30));

    @Test
    void doublesAfterEachFailureStartingAtTheBase() {
        assertEquals(Duration.ofMinutes(1), backoff.after(1));
        assertEquals(Duration.ofMinutes(2), backoff.after(2));
        assertEquals(Duration.ofMinutes(4), backoff.after(3));
        assertEquals(Duration.ofMinutes(16), backoff.after(5));
    }

    @Test
    void neverWaitsLongerThanTheMaximumEvenAfterManyFailures() {
        assertEquals(Duration.ofMinutes(30), backoff.after(6));
        assertEquals(Duration.ofMinutes(30), backoff.after(1000));
    }
}
