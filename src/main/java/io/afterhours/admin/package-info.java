/**
 * Running the system (F9): the health page for administrators and the same facts as MicroProfile Health checks and
 * Metrics gauges, so monitoring can alert without anyone opening the portal. It reads the other features' tables
 * (notifications, the mail outbox, the UserLock action queue and bridges) with aggregate queries only and changes
 * nothing. Nothing depends on it.
 */
package io.afterhours.admin;
