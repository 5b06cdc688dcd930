package io.afterhours.audit.boundary;

import java.util.UUID;

/**
 * Whom, and which extension request, an audit entry is about: the keys the history filters on and the visibility
 * rule uses (a person sees entries concerning themselves, a manager those concerning their reports). Any part may
 * be null; an entry about no one carries no {@code Concerning} at all.
 */
public record Concerning(Long requestId, String personGuid, String personAccount) {

    /** An entry about a request, and so about its requester. */
    public static Concerning request(long requestId, UUID requester, String requesterAccount) {
        return new Concerning(requestId, requester == null ? null : requester.toString(), requesterAccount);
    }

    /** An entry about a person, not tied to one request. */
    public static Concerning person(UUID guid, String account) {
        return new Concerning(null, guid == null ? null : guid.toString(), account);
    }
}
