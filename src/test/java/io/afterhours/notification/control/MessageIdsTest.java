package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void theSameRowGetsTheSameIdOnEveryAttempt() {
        String first = MessageIds.of(42, "https://afterhours.corp.example");
        String retry = MessageIds.of(42, "https://afterhours.corp.example");

        assertEquals(first, retry);
        assertTrue(first.matches("<outbox-42\\.[0-9a-f]{12}@afterhours>"), first);
    }

    @Test
    void rowsAndInstallationsGetDifferentIds() {
        assertNotEquals(MessageIds.of(42, "https://a.example"), MessageIds.of(43, "https://a.example"));
        assertNotEquals(MessageIds.of(42, "https://a.example"), MessageIds.of(42, "https://b.example"));
    }
}
