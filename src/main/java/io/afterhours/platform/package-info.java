/**
 * Cross-cutting plumbing every feature may use: the datasource and schema migrations, the JAX-RS application
 * and its problem+json errors, the application clock, the data directory and log-safe formatting. It depends on
 * no feature.
 */
package io.afterhours.platform;
