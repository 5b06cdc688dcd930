/**
 * Receiving UserLock webhook notifications (product.md F1): authenticate the UserLock ID, parse tolerantly, map
 * fields, classify, de-duplicate and persist before acknowledging, with a local spool when the database is down.
 * Other features read stored notifications through {@code intake.boundary.Notifications}; only this package writes
 * them. Depends on {@code platform}, {@code audit.boundary} and {@code hours.boundary} (the default working-hours
 * policy, for the provisional classification).
 */
package io.afterhours.intake;
