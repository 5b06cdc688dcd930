package io.afterhours.retention.control;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a kind of personal data is kept: an ISO period ({@code P90D}) or duration ({@code PT12H}); {@code 0} or
 * empty keeps it forever. A value that is neither stops the start with the key named, rather than keep or delete data
 * by surprise.
 */
public record RetentionPeriod(String key, Duration length) {

    public static RetentionPeriod parse(String key, Optional<String> configured) {
        String value = configured.map(String::strip).orElse("");
        if (value.isEmpty() || value.equals("0")) {
            return new RetentionPeriod(key, null);
        }
        Duration length;
        try {
            length = value.toUpperCase().contains("T") ? Duration.parse(value) : days(Period.parse(value));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalStateException(
                    key + " must be an ISO period such as P90D (or 0 to keep forever), not " + value);
        }
        if (length.isNegative()) {
            throw new IllegalStateException(key + " must not be negative: " + value);
        }
        return new RetentionPeriod(key, length.isZero() ? null : length);
    }

    /** P1Y = 365 days, P1M = 30 days: a retention period is a policy, not a calendar. */
    private static Duration days(Period period) {
        return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
    }

    public boolean keepsForever() {
        return length == null;
    }

    /** Data last changed before this instant is purged; empty when kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        return keepsForever() ? Optional.empty() : Optional.of(now.minus(length));
    }
}
