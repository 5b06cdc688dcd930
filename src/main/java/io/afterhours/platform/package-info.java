/**
 * Cross-cutting plumbing every feature may use: the datasource and schema migrations, the JAX-RS application
 * and its problem+json errors, the application clock, the data directory and log-safe formatting, the portal's roles and
 * the refusal every boundary raises ({@code AccessRefused}), the claim of periodic jobs that one instance runs at a time
 * ({@code ScheduledJobs}), and the web front (security headers, session cookie,
 * out-of-date pages, error dispatches). It depends on no feature.
 */
package io.afterhours.platform;
