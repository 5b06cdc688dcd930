package io.afterhours.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the chain's last sequence number and hash. Appenders lock it (SELECT ... FOR UPDATE), which
 * serialises appends across threads and instances, so the chain never forks.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditChainHead() {}

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }

    public void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("Audit chain must advance by one, from " + lastSeq + " to " + seq);
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
