package io.afterhours.request.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Everything the request page shows: the request, its decision (if any), every denied logon behind it, the
 * requester's other requests of the last 90 days, whether the viewer may decide it now (and on whose behalf), and
 * the requester's normal hours and the zone UserLock enforces them in (from their working-hours policy), and whether
 * the viewer is the requester.
 */
public record RequestDetail(
        RequestSummary request,
        Decided decision,
        List<DeniedLogonEvidence> denials,
        List<RequestSummary> history,
        boolean decidable,
        String onBehalfOf,
        String normalHours,
        java.time.ZoneId enforcedZone,
        boolean own) {

    /** The decision as recorded: who, when, on whose behalf, and the note of a denial. */
    public record Decided(String outcome, Instant at, String by, String onBehalfOf, String note) {}

    /** One denied logon: the approver's evidence. */
    public record DeniedLogonEvidence(Instant at, String computer, String clientAddress, String sessionType) {}
}
