package io.afterhours.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCheckpointTest {

    private static final String HASH = "ab".repeat(32);
    private static final String FIRST = "cd".repeat(32);

    @Test
    void itsDetailsReadBackAsTheSameCheckpoint() {
        AuditCheckpoint checkpoint = new AuditCheckpoint(4711, HASH, FIRST);
        String details = checkpoint.details(Instant.parse("2025-12-04T10:00:00Z"));

        assertEquals(
                "entries up to 4711 removed (older than 2025-12-04T10:00:00Z); entry 4711 hash " + HASH + "; chain "
                        + FIRST,
                details);
        assertEquals(checkpoint, AuditCheckpoint.parse(details).orElseThrow());
    }

    @Test
    void otherOrEditedTextIsNoCheckpoint() {
        String details = new AuditCheckpoint(12, HASH, FIRST).details(Instant.EPOCH);

        assertTrue(AuditCheckpoint.parse("edited").isEmpty());
        assertTrue(AuditCheckpoint.parse(null).isEmpty());
        assertTrue(
                AuditCheckpoint.parse(details.replace("entry 12 hash", "entry 13 hash"))
                        .isEmpty(),
                "one entry");
        assertTrue(AuditCheckpoint.parse(details.substring(0, details.length() - 1))
                .isEmpty());
    }
}
