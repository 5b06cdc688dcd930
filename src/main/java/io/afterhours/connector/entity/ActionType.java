package io.afterhours.connector.entity;

/** APPLY: create the temporary protected account or change it to the window; REMOVE: delete it. */
public enum ActionType {
    APPLY,
    REMOVE
}
