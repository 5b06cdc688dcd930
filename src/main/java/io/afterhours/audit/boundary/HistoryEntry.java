package io.afterhours.audit.boundary;

import io.afterhours.audit.entity.ActorType;
import java.time.Instant;

/** One audit entry as the history page, a request's timeline and the CSV export show it. */
public record HistoryEntry(
        long seq,
        Instant occurredAt,
        ActorType actorType,
        String actor,
        String action,
        String subject,
        String details,
        Long requestId,
        String personAccount)
        implements java.io.Serializable {}
