package io.afterhours.request.boundary;

import java.util.UUID;

/**
 * A granted window was ended early (REVOKED) by the employee, the approver or an administrator. Fired synchronously
 * inside the revoking transaction, so whatever UserLock must undo is queued with it or not at all.
 */
public record RequestRevoked(long requestId, UUID requester) {}
