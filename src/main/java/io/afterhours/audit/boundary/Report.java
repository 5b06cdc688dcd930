package io.afterhours.audit.boundary;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The charts' numbers for one period and scope (F7). {@code team} names whose team it is, or is null for everyone.
 * Every day of the period is in {@code denialsPerDay}, with zero when there were none.
 */
public record Report(
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        String team,
        List<DayCount> denialsPerDay,
        List<OutcomeCount> outcomes,
        DecisionTimes decisionTimes,
        long used,
        long unused,
        List<RequesterCount> topRequesters) {

    /** Out-of-hours denials on one day. */
    public record DayCount(LocalDate day, long count) {}

    /** Requests made in the period that stand in one state now. */
    public record OutcomeCount(String state, long count) {}

    /**
     * Time from request to decision for the requests made in the period and decided: the median and 90th percentile
     * (nearest rank: a time some request actually took), null when none was decided.
     */
    public record DecisionTimes(long decided, Duration median, Duration p90) {}

    /** Someone who made requests in the period, with how many. */
    public record RequesterCount(String account, String name, long requests) {}

    public long totalDenials() {
        return denialsPerDay.stream().mapToLong(DayCount::count).sum();
    }

    public long totalRequests() {
        return outcomes.stream().mapToLong(OutcomeCount::count).sum();
    }
}
