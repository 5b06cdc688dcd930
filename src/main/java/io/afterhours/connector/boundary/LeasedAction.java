package io.afterhours.connector.boundary;

import java.time.Instant;
import java.util.List;

/** One action as a bridge receives it from {@code POST /actions/lease} (docs/bridge-api.md). */
public record LeasedAction(
        long id,
        String lease,
        Instant leaseExpiresAt,
        String type,
        int attempt,
        String account,
        String accountKey,
        String userLockId,
        Instant start,
        Instant end,
        Instant previousStart,
        Instant previousEnd,
        List<String> sessionTypes,
        String overtimeAction,
        List<Long> requests) {}
