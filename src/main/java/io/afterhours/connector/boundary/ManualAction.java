package io.afterhours.connector.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One action as an administrator sees it on {@code admin/action.xhtml}: the commands to paste (empty with
 * {@code problem} set when they cannot be written safely) and whether it still waits for a confirmation.
 */
public record ManualAction(
        long id,
        String type,
        String state,
        String account,
        String accountKey,
        Instant start,
        Instant end,
        int attempt,
        String lastError,
        List<Long> requestIds,
        List<String> commands,
        String problem,
        boolean open) {}
