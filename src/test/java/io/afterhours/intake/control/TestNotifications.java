package io.afterhours.intake.control;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import java.time.Instant;

/** Test fixture: notifications as the interpreter would produce them, one with every field and one with none. */
final class TestNotifications {

    private TestNotifications() {}

    /** A 64-character dedupe key made of one repeated character. */
    static String key(char c) {
        return String.valueOf(c).repeat(64);
    }

    static IncomingNotification full(String dedupeKey) {
        return new IncomingNotification(
                dedupeKey,
                Instant.parse("2024-03-05T20:47:30.123456Z"),
                Instant.parse("2024-03-05T20:47:00.000001Z"),
                "2024-03-05T21:47:00.0000010+01:00",
                TimeQuality.OK,
                4,
                EventCategory.DENIED_BY_USERLOCK,
                Classification.OUT_OF_HOURS_DENIAL,
                true,
                ServerSlot.BACKUP,
                "ul2.corp.example",
                "UL2",
                "Zo\u00eb \ud83d\ude00\r\n\uFFFD",
                "CORP",
                "PC-42",
                "10.1.2.3",
                "RDP",
                "7",
                "Outside hours \"quoted\" \\ back",
                "Extra,Other",
                "{\"Userlock\":{\"Id\":\"[redacted]\"},\"User\":\"Zo\\u00eb\\n\"}");
    }

    static IncomingNotification sparse(String dedupeKey) {
        return new IncomingNotification(
                dedupeKey,
                Instant.parse("2024-03-05T20:47:30Z"),
                null,
                null,
                TimeQuality.MISSING,
                null,
                EventCategory.UNKNOWN,
                Classification.UNKNOWN_EVENT,
                false,
                ServerSlot.PRIMARY,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "{}");
    }
}
