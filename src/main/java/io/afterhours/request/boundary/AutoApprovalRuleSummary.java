package io.afterhours.request.boundary;

import java.time.Instant;

/**
 * One auto-approval rule as the administrators' page shows it, in the order rules are tried ({@code position}, from
 * 1). A rule from configuration has no id and cannot be changed in the portal; {@code first}/{@code last} say whether
 * a portal rule can move up or down among the portal's rules.
 */
public record AutoApprovalRuleSummary(
        Long id,
        long version,
        int position,
        String name,
        String group,
        String maxDuration,
        int maxPerMonth,
        boolean configured,
        String changedBy,
        Instant changedAt,
        boolean first,
        boolean last) {}
