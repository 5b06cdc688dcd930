package io.afterhours.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One temporary protected account: the window the portal asked UserLock to hold and the one the bridge last confirmed
 * ({@link Instant#EPOCH} while none is: no nullable instant, see InstantConverter).
 */
@Entity
@Table(name = "userlock_account")
public class UserLockAccount {

    @Id
    @Column(name = "account_key")
    private String accountKey;

    @Column(name = "requester_guid", nullable = false)
    private String requesterGuid;

    @Column(nullable = false)
    private String account;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "request_ids", nullable = false)
    private String requestIds;

    @Column(name = "applied_start", nullable = false)
    private Instant appliedStart;

    @Column(name = "applied_end", nullable = false)
    private Instant appliedEnd;

    @Column(name = "userlock_id")
    private String userLockId;

    @Column(nullable = false)
    private boolean live;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserLockAccount() {}

    public UserLockAccount(String accountKey, String requesterGuid, String account, Instant now) {
        this.accountKey = accountKey;
        this.requesterGuid = requesterGuid;
        this.account = account;
        this.appliedStart = Instant.EPOCH;
        this.appliedEnd = Instant.EPOCH;
        this.live = true;
        this.updatedAt = now;
    }

    /** The portal now wants this window for these requests. */
    public void want(Instant start, Instant end, String requestIds, Instant now) {
        this.windowStart = start;
        this.windowEnd = end;
        this.requestIds = requestIds;
        this.live = true;
        this.updatedAt = now;
    }

    public void drop(Instant now) {
        this.live = false;
        this.updatedAt = now;
    }

    /** The bridge confirmed this window (an APPLY), or that the account is gone (a REMOVE: start = end = epoch). */
    public void confirmed(Instant start, Instant end, String userLockId, Instant now) {
        this.appliedStart = start;
        this.appliedEnd = end;
        if (userLockId != null) {
            this.userLockId = userLockId;
        }
        this.updatedAt = now;
    }

    public boolean applied() {
        return !Instant.EPOCH.equals(appliedEnd);
    }

    public String accountKey() {
        return accountKey;
    }

    public String requesterGuid() {
        return requesterGuid;
    }

    public String account() {
        return account;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowEnd;
    }

    public String requestIds() {
        return requestIds;
    }

    public Instant appliedStart() {
        return appliedStart;
    }

    public Instant appliedEnd() {
        return appliedEnd;
    }

    public String userLockId() {
        return userLockId;
    }

    public boolean live() {
        return live;
    }
}
