package io.afterhours.connector.boundary;

import java.time.Instant;

/** A bridge token created in the portal as the page shows it: its label and last four characters, never the token. */
public record BridgeTokenSummary(
        long id, String label, String hint, String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsed) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
