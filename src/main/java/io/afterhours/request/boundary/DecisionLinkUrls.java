package io.afterhours.request.boundary;

import java.time.Instant;

/**
 * The three decision links of one manager mail, all carrying the same token (one decision per mail): each opens the
 * confirmation page with its action chosen; only pressing the page's button decides.
 */
public record DecisionLinkUrls(String approve, String less, String deny, Instant expiresAt) {}
