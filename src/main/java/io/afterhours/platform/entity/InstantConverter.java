package io.afterhours.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Maps {@link Instant} to {@code TIMESTAMP WITH TIME ZONE} columns; JPA 3.1 has no built-in Instant mapping. Values
 * are bound as {@link Timestamp}, which carries the exact instant whatever the JVM's zone. Reading accepts what each
 * driver returns for such a column: PostgreSQL a {@code Timestamp}, H2 an {@code OffsetDateTime}.
 *
 * <p>Known limit: a null Instant reaches PostgreSQL as a typeless (VARCHAR) null, which it refuses for a
 * {@code timestamptz} column. Keep Instant columns NOT NULL; an optional moment lives in a row of its own (e.g.
 * {@code request_denial}).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        if (value instanceof ZonedDateTime zonedDateTime) {
            return zonedDateTime.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException(
                "Cannot read an instant from " + value.getClass().getName());
    }
}
