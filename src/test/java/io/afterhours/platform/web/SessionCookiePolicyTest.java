package io.afterhours.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionCookiePolicyTest {

    @Test
    void countsTheIdleTimeoutInWholeMinutesRoundedUp() {
        assertEquals(30, SessionCookiePolicy.idleMinutes(Duration.ofMinutes(30)));
        assertEquals(1, SessionCookiePolicy.idleMinutes(Duration.ofSeconds(10)));
        assertEquals(16, SessionCookiePolicy.idleMinutes(Duration.ofSeconds(901)));
    }

    @Test
    void refusesAnIdleTimeoutThatWouldNeverExpire() {
        assertThrows(IllegalStateException.class, () -> SessionCookiePolicy.idleMinutes(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> SessionCookiePolicy.idleMinutes(Duration.ofMinutes(-5)));
    }
}
