/**
 * Extension requests (product.md F2, F3): windows asked for ahead of time or opened by out-of-hours denials, their
 * lifecycle in one place ({@code RequestLifecycle}), the request policy, decisions (inbox, bulk, request page),
 * deputies, re-routing after a manager change, auto-approval rules, signed decision links for the managers' mails
 * ({@code DecisionLinks}, {@code decide.xhtml}), and the worker that turns denials into requests
 * and fires reminders and escalations from job rows ({@code request_timer}). Depends on {@code platform},
 * {@code audit.boundary}, {@code directory.boundary}, {@code hours.boundary} (whose working time a denial was, and a
 * person's normal hours) and {@code intake.boundary} (the denials it takes over).
 */
package io.afterhours.request;
