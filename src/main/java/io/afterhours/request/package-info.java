/**
 * Extension requests (product.md F2, F3, F10): windows asked for ahead of time or opened by out-of-hours denials,
 * their lifecycle in one place ({@code RequestLifecycle}), the request policy, decisions, auto-approval rules, and the
 * worker that turns denials into requests and fires reminders and escalations from job rows ({@code request_timer}).
 * Depends on {@code platform}, {@code audit.boundary}, {@code directory.boundary} and {@code intake.boundary} (the
 * denials it takes over). Issue 4, in progress: deputies and per-group working-hours policies are still to come.
 */
package io.afterhours.request;
