package io.afterhours.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Produces the {@link Clock} every time-dependent rule uses, so tests can pin or skew time (reliability.md R9). */
@ApplicationScoped
public class ApplicationClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
