package io.afterhours.notification.control;

import java.time.Duration;

/** Exponential backoff between send attempts: base, 2 × base, 4 × base, … never more than {@code max}. */
public record Backoff(Duration base, Duration max) {

    /** How long to wait after the {@code failures}-th failed attempt (1 for the first). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
