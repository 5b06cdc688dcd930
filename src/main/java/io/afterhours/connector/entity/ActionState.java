package io.afterhours.connector.entity;

/** Where a UserLock action stands (docs/bridge-api.md). */
public enum ActionState {
    QUEUED,
    LEASED,
    SUCCEEDED,
    DEAD,
    SUPERSEDED
}
