package io.afterhours.notification.boundary;

import io.afterhours.notification.entity.OutboxMessage;
import java.time.Instant;

/**
 * One row of the outbox page. {@code nextAttemptAt} matters for PENDING and FAILED rows, {@code sentAt} for SENT
 * ones, {@code lastError} for FAILED and DEAD ones (a SENT row may keep the error of an earlier failed attempt).
 */
public record OutboxSummary(
        long id,
        OutboxStatus status,
        String kind,
        String recipient,
        String subject,
        Long requestId,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError) {

    static OutboxSummary of(OutboxMessage m) {
        return new OutboxSummary(
                m.id(),
                OutboxStatus.of(m.state(), m.attempts()),
                m.kind(),
                m.recipientAddress(),
                m.subject(),
                m.requestId(),
                m.attempts(),
                m.createdAt(),
                m.nextAttemptAt(),
                m.sentAt(),
                m.lastError());
    }
}
