package io.afterhours.request.boundary;

/** Why a decision link decides nothing (the confirmation page says it in words; the bundle key is {@code link.problem.<name>}). */
public enum LinkProblem {
    /** Not a link the portal signed: tampered, truncated, or signed with a key since changed. */
    INVALID,
    /** Signed for another approver: forwarded, or opened in someone else's session. */
    NOT_YOURS,
    /** Past its expiry ({@code afterhours.links.ttl}). */
    EXPIRED,
    /** Already used up by the decision it made. */
    USED,
    /** The request is no longer pending: decided (by anyone), cancelled or expired. */
    DECIDED,
    /** The approver may no longer decide it (another manager now, an ended deputyship). */
    NO_AUTHORITY
}
