package io.afterhours.platform.control;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading a TIMESTAMP WITH TIME ZONE column of a native query: each driver hands back its own type. */
public final class SqlTimes {

    private SqlTimes() {}

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }
}
