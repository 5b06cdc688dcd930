/**
 * The append-only, hash-chained audit history (product.md F7) that every feature writes to through
 * {@code audit.boundary.AuditLog}. Entries are never updated or deleted by the application; {@code verify} reports
 * the first broken link. Depends only on {@code platform}.
 */
package io.afterhours.audit;
