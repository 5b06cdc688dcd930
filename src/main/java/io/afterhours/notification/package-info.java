/**
 * Notifications by email (issue 5, reliability.md §7): a transactional outbox ({@code mail_outbox}) written in the
 * transaction of the state change that causes a message, messages composed from Mustache templates (text and HTML
 * parts, user text escaped), and the worker that claims due rows in the database and sends them over SMTP with
 * Jakarta Mail as Payara ships it, with retries, a stable {@code Message-ID} per row and a dead state after the retry
 * limit. Every message exists in English and French and is written in each recipient's language (My profile, the
 * directory's language attribute, or the default) and zone. Administrators see the outbox ({@link
 * io.afterhours.notification.boundary.OutboxMessages}) and, in demo mode, the demo mailbox: an SMTP server inside the
 * portal (GreenMail, on Payara's mail classes) that the same sender sends to. Depends on {@code platform}, {@code
 * audit.boundary}, {@code directory.boundary} (addresses, names, zones, languages, group members), the events and
 * decision links ({@code DecisionLinks}) of {@code request.boundary} and the events of {@code intake.boundary};
 * nothing depends on it but through {@link io.afterhours.notification.boundary.Outbox}.
 */
package io.afterhours.notification;
