package io.afterhours.request.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Everything the request page shows: the request, its decision (if any), every denied logon behind it, the
 * requester's other requests of the last 90 days, and whether the viewer may decide it now (and on whose behalf).
 */
public record RequestDetail(
        RequestSummary request,
        Decided decision,
        List<DeniedLogonEvidence> denials,
        List<RequestSummary> history,
        boolean decidable,
        String onBehalfOf) {

    /** The decision as recorded: who, when, on whose behalf, and the note of a denial. */
    public record Decided(String outcome, Instant at, String by, String onBehalfOf, String note) {}

    /** One denied logon: the approver's evidence. */
    public record DeniedLogonEvidence(Instant at, String computer, String clientAddress, String sessionType) {}
}
