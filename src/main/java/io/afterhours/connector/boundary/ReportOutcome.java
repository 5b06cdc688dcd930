package io.afterhours.connector.boundary;

/** What became of a report: recorded, no such action, or not this action's current lease (nothing changed). */
public enum ReportOutcome {
    RECORDED,
    NOT_FOUND,
    CONFLICT
}
