package io.afterhours.request.entity;

/**
 * Where a request stands (product.md F2). APPLYING, SCHEDULED, ACTIVE and FAILED belong to the UserLock connector and
 * are not reached yet: until it exists an approved request stays APPROVED.
 */
public enum RequestState {
    DRAFT,
    PENDING,
    APPROVED,
    APPLYING,
    SCHEDULED,
    ACTIVE,
    ENDED,
    DENIED,
    EXPIRED,
    CANCELLED,
    REVOKED,
    FAILED;

    /** Still waiting for a decision: the states a denial can join and an employee can cancel. */
    public boolean isOpen() {
        return this == DRAFT || this == PENDING;
    }

    /** Granted and not over: the states whose window lets the person in (or soon will). */
    public boolean isGranted() {
        return this == APPROVED || this == APPLYING || this == SCHEDULED || this == ACTIVE;
    }
}
