/**
 * Notifications by email (issue 5, reliability.md §7): a transactional outbox ({@code mail_outbox}) written in the
 * transaction of the state change that causes a message, messages composed from Mustache templates (text and HTML
 * parts, user text escaped), and the worker that claims due rows in the database and sends them over SMTP with
 * Jakarta Mail as Payara ships it, with retries, a stable {@code Message-ID} per row and a dead state after the retry
 * limit. Depends on {@code platform}, {@code audit.boundary}, {@code directory.boundary} (addresses, names, zones)
 * and the events of {@code request.boundary}; nothing depends on it but through {@link
 * io.afterhours.notification.boundary.Outbox}.
 */
package io.afterhours.notification;
