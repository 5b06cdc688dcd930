package io.afterhours.intake.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads .NET's {@code DateTime} as Newtonsoft writes it: ISO-8601 with 0 to 7 fractional digits, and an offset,
 * {@code Z}, or nothing (then the UserLock server's zone applies, userlock.md 1.2). A space instead of {@code T} is
 * tolerated. Results are truncated to microseconds, the precision both databases store.
 */
public final class EventTimes {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter()
            // STRICT: the default (SMART) would read 2024-02-30 as 2024-02-29 and 24:00 as the next midnight.
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private EventTimes() {}

    /** The instant, truncated to microseconds: what the databases store. */
    public static Optional<Instant> parse(String text, ZoneId serverZone) {
        return parseExact(text, serverZone).map(instant -> instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The instant at the full precision written (.NET's 7 digits are 100 ns), for the de-duplication key: two events
     * 100 ns apart are two events even though both are stored at the same microsecond.
     */
    public static Optional<Instant> parseExact(String text, ZoneId serverZone) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value, WITH_OFFSET).toInstant());
        } catch (DateTimeParseException withOffset) {
            try {
                return Optional.of(
                        LocalDateTime.parse(value, LOCAL).atZone(serverZone).toInstant());
            } catch (DateTimeParseException local) {
                return Optional.empty();
            }
        }
    }
}
