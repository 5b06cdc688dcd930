/**
 * The append-only, hash-chained audit history (product.md F7) that every feature writes to through
 * {@code audit.boundary.AuditLog}. Entries are never updated or deleted by the application; {@code verify} reports
 * the first broken link, also against anchors of the chain head that {@code AuditAnchors} writes outside the database
 * (a log line, the anchor file, the optional daily digest mail through the {@code AuditDigest} event). Depends only
 * on {@code platform}.
 */
package io.afterhours.audit;
