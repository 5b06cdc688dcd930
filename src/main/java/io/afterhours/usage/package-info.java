/**
 * Usage of granted extensions (product.md F6): a job links UserLock's logon and logoff notifications to the granted
 * windows they fall in ({@code extension_usage_event}); sessions, first logon, total time inside the window and
 * "still logged on at the end" are computed from those rows when shown ({@code SessionPairing}), on the request page,
 * the team page, the employee's list and in exports. Depends on {@code platform}, {@code audit.boundary},
 * {@code directory.boundary}, {@code intake.boundary} (the logons and logoffs it takes over) and
 * {@code request.boundary} (granted windows, and who may see a request).
 */
package io.afterhours.usage;
