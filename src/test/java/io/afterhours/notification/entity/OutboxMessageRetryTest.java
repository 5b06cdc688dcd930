package io.afterhours.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMessageRetryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static OutboxMessage queued() {
        return new OutboxMessage("request-waiting", "m@corp.local", "M", new ComposedMail("s", "t", "h"), 1L, NOW);
    }

    @Test
    void aDeadRowIsQueuedAndDueAtOnceKeepingItsAttempts() {
        OutboxMessage message = queued();
        message.failed("refused", NOW.plusSeconds(60), 1);

        assertTrue(message.retryNow(NOW.plusSeconds(300)));

        assertEquals(MailState.QUEUED, message.state());
        assertEquals(NOW.plusSeconds(300), message.nextAttemptAt());
        assertEquals(1, message.attempts());
    }

    @Test
    void aFailedRowWaitingForItsBackoffIsDueAtOnce() {
        OutboxMessage message = queued();
        message.failed("refused", NOW.plusSeconds(3600), 5);

        assertTrue(message.retryNow(NOW.plusSeconds(1)));

        assertEquals(NOW.plusSeconds(1), message.nextAttemptAt());
    }

    @Test
    void aRowNeverTriedIsNotRetried() {
        OutboxMessage message = queued();

        assertFalse(message.retryNow(NOW.plusSeconds(1)));

        assertEquals(NOW, message.nextAttemptAt());
    }
}
