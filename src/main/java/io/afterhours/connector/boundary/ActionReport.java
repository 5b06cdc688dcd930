package io.afterhours.connector.boundary;

import java.time.Instant;

/** A bridge's report on one leased action ({@code POST /actions/{id}/result}), already checked for shape. */
public record ActionReport(
        String lease,
        boolean succeeded,
        String userLockId,
        Instant effectiveStart,
        Instant effectiveEnd,
        String hours,
        String log,
        String error,
        boolean retryable) {}
