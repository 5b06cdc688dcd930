package io.afterhours.intake.entity;

/**
 * How far the notification's {@code EventTime} can be trusted. Skew is flagged, never rejected: the Backup server
 * and agents that cached events while offline deliver late (reliability.md §1.5, B13).
 */
public enum TimeQuality {
    OK,
    /** More than the configured tolerance ahead of the receiving clock. */
    FUTURE,
    /** Older than the configured tolerance. */
    PAST,
    /** No EventTime member; the receipt time stands in for classification. */
    MISSING,
    /** An EventTime string that is not an ISO-8601 date-time; the receipt time stands in. */
    UNPARSABLE
}
