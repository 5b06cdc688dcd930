package io.afterhours.audit.boundary;

import io.afterhours.audit.control.HistoryCriteria;

/**
 * An export that was authorised and audited: the resolved criteria (visibility included) and the last entry it
 * covers, so the rows written are exactly the {@code rows} the audit entry announced, however much is appended
 * meanwhile.
 */
public record HistoryExport(HistoryCriteria criteria, long upToSeq, long rows, String filter) {}
