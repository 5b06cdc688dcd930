package io.afterhours.audit.control;

import java.time.Instant;
import java.util.Set;

/**
 * A history filter resolved to what the table holds: person GUIDs (from a person, manager or team filter), the
 * viewer's visible GUIDs (null: everything), a request state, an action (exact, or a prefix), a half-open time range
 * and a request. Any null part means "any". An empty GUID set matches nothing (a manager with no reports).
 */
public record HistoryCriteria(
        Set<String> visibleGuids,
        Set<String> personGuids,
        String personAccount,
        String requestState,
        String action,
        boolean actionPrefix,
        Instant from,
        Instant until,
        Long requestId) {

    public static HistoryCriteria everything() {
        return new HistoryCriteria(null, null, null, null, null, false, null, null, null);
    }

    /** True when nothing narrows the history: the whole history, visible to the viewer. */
    public boolean unfiltered() {
        return personGuids == null
                && personAccount == null
                && requestState == null
                && action == null
                && from == null
                && until == null
                && requestId == null;
    }

    public HistoryCriteria visibleTo(Set<String> guids) {
        return new HistoryCriteria(
                guids, personGuids, personAccount, requestState, action, actionPrefix, from, until, requestId);
    }
}
