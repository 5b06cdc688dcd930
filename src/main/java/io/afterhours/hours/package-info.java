/**
 * Working-hours policies (product.md F10): the default policy and per-group overrides, each weekly time frames ×
 * session types in a named zone, mirroring UserLock's "authorised" hour restrictions; administrators edit them on
 * {@code admin/hours.xhtml} ({@code WorkingHoursPolicies}, audited), and other features ask {@code WorkingTime}
 * whether a moment is working time for someone and what their normal hours are. Policies are evaluated from memory
 * ({@code ScheduleCache}). Depends on {@code platform}, {@code audit.boundary} and {@code directory.boundary}; used
 * by {@code intake} and {@code request}.
 */
package io.afterhours.hours;
