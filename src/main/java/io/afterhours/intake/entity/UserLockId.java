package io.afterhours.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A UserLock ID (ServerGuid) an administrator entered in the portal for the Primary or Backup slot. Only the SHA-256
 * digest of the normalised ID (hex), which the webhook compares, and its last four characters are kept: the ID itself
 * is never stored. Invariant: per slot at most one row has no {@code retiresAt} (the current ID); a rotation gives the
 * outgoing row the end of its overlap, after which it is no longer accepted.
 */
@Entity
@Table(name = "userlock_id")
public class UserLockId {

    @Id
    @SequenceGenerator(name = "userlock_id_seq", sequenceName = "userlock_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "userlock_id_seq")
    private Long id;

    @Column(nullable = false)
    private String slot;

    @Column(nullable = false)
    private String digest;

    @Column(nullable = false)
    private String hint;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    // Both start NULL and are never inserted: a null Instant reaches PostgreSQL untyped (InstantConverter). A
    // rotation updates retires_at on the entity; last_seen_at is written only by UserLockIds.recordLastSeen.
    @Column(name = "retires_at", insertable = false)
    private Instant retiresAt;

    @Column(name = "last_seen_at", insertable = false, updatable = false)
    private Instant lastSeenAt;

    protected UserLockId() {}

    public UserLockId(String slot, String digest, String hint, String addedBy, Instant addedAt) {
        this.slot = slot;
        this.digest = digest;
        this.hint = hint;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    /** Keeps accepting this ID until {@code at}, then never again; an earlier retirement is never pushed back. */
    public void retireAt(Instant at) {
        if (retiresAt == null || at.isBefore(retiresAt)) {
            retiresAt = at;
        }
    }

    public boolean acceptedAt(Instant now) {
        return retiresAt == null || now.isBefore(retiresAt);
    }

    public Long id() {
        return id;
    }

    public String slot() {
        return slot;
    }

    public String digest() {
        return digest;
    }

    public String hint() {
        return hint;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public Instant retiresAt() {
        return retiresAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
