/**
 * Retention of personal data (product.md F7): a periodic job, run by one instance at a time, deletes stored
 * notifications and closed requests (with every row that belongs to them) older than the configured periods, in
 * bounded batches, and audits each purge with its counts and cut-offs. The audit history itself is kept (see
 * docs/architecture.md, "Retention"). It is the one place that knows every table holding a request's or a
 * notification's personal data, so that a purge deletes them together, in foreign-key order, in one transaction per
 * batch. Depends on {@code platform} and {@code audit.boundary}.
 */
package io.afterhours.retention;
