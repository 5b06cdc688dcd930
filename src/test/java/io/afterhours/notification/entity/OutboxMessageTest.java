package io.afterhours.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static OutboxMessage queued() {
        return new OutboxMessage("request-waiting", "m@corp.local", "M", new ComposedMail("s", "t", "h"), 1L, NOW);
    }

    @Test
    void aFailureBeforeTheLimitCountsAnAttemptAndStaysQueued() {
        OutboxMessage message = queued();

        message.failed("connection refused", NOW.plusSeconds(60), 3);

        assertEquals(MailState.QUEUED, message.state());
        assertEquals(1, message.attempts());
    }

    @Test
    void theLastAllowedFailureMakesItDead() {
        OutboxMessage message = queued();

        message.failed("refused", NOW.plusSeconds(60), 2);
        message.failed("refused", NOW.plusSeconds(120), 2);

        assertEquals(MailState.DEAD, message.state());
        assertEquals(2, message.attempts());
    }
}
