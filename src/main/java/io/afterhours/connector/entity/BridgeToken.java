package io.afterhours.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bridge token an administrator created in the portal. The token itself is shown once and never stored: only the
 * SHA-256 digest (hex), which the bridge API compares, and its last four characters. Invariant: once revoked, never
 * accepted again (a revocation is not undone; create a new token instead).
 */
@Entity
@Table(name = "bridge_token")
public class BridgeToken {

    @Id
    @SequenceGenerator(name = "bridge_token_seq", sequenceName = "bridge_token_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bridge_token_seq")
    private Long id;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private String digest;

    @Column(nullable = false)
    private String hint;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    // Both start NULL and are never inserted: a null Instant reaches PostgreSQL untyped (InstantConverter).
    @Column(name = "revoked_at", insertable = false)
    private Instant revokedAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected BridgeToken() {}

    public BridgeToken(String label, String digest, String hint, String createdBy, Instant createdAt) {
        this.label = label;
        this.digest = digest;
        this.hint = hint;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String digest() {
        return digest;
    }

    public String hint() {
        return hint;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
