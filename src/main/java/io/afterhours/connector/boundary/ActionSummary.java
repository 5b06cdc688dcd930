package io.afterhours.connector.boundary;

import java.time.Instant;

/** One action as the administrators' actions page lists it. */
public record ActionSummary(
        long id,
        String type,
        String state,
        String account,
        String accountKey,
        Instant start,
        Instant end,
        String requestIds,
        int attempt,
        Instant dueAt,
        String leaseHolder,
        Instant leaseExpiresAt,
        String lastError,
        Instant updatedAt) {

    public java.util.List<Long> requests() {
        return io.afterhours.connector.control.AccountPlan.ids(requestIds).stream()
                .toList();
    }
}
