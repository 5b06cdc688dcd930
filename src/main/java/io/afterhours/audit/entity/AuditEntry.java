package io.afterhours.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit history. Immutable once written: {@code hash} = SHA-256 of the previous entry's hash and this
 * entry's canonical content, and {@code seq} is gapless, so an edited, removed or reordered row breaks the chain.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String subject;

    private String details;

    @Column(name = "prev_hash", nullable = false)
    private String previousHash;

    @Column(nullable = false)
    private String hash;

    @Column(name = "request_id")
    private Long requestId;

    @Column(name = "person_guid")
    private String personGuid;

    @Column(name = "person_account")
    private String personAccount;

    protected AuditEntry() {}

    public AuditEntry(
            long seq,
            Instant occurredAt,
            ActorType actorType,
            String actor,
            String action,
            String subject,
            String details,
            String previousHash,
            String hash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actorType = actorType;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.details = details;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    /**
     * An entry about a person and/or request, not yet sealed: the caller computes the hash from this entry (it covers
     * the concerning fields too) and {@link #seal}s it before persisting.
     */
    public AuditEntry(
            long seq,
            Instant occurredAt,
            ActorType actorType,
            String actor,
            String action,
            String subject,
            String details,
            String previousHash,
            Long requestId,
            String personGuid,
            String personAccount) {
        this(seq, occurredAt, actorType, actor, action, subject, details, previousHash, null);
        this.requestId = requestId;
        this.personGuid = personGuid;
        this.personAccount = personAccount;
    }

    /** Sets the hash of a new entry, once. */
    public void seal(String computedHash) {
        if (hash != null) {
            throw new IllegalStateException("Audit entry " + seq + " is already sealed");
        }
        this.hash = computedHash;
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ActorType actorType() {
        return actorType;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String details() {
        return details;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    public Long requestId() {
        return requestId;
    }

    public String personGuid() {
        return personGuid;
    }

    public String personAccount() {
        return personAccount;
    }
}
