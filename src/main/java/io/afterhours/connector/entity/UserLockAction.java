package io.afterhours.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One thing to do in UserLock for one account key (docs/bridge-api.md). The window and previous window are copied in
 * when queued, so what a bridge is told never changes under it. An absent previous window or lease is the epoch.
 */
@Entity
@Table(name = "userlock_action")
public class UserLockAction {

    @Id
    @SequenceGenerator(name = "userlock_action_seq", sequenceName = "userlock_action_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "userlock_action_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false)
    private ActionType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionState state;

    @Column(name = "requester_guid", nullable = false)
    private String requesterGuid;

    @Column(nullable = false)
    private String account;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "previous_start", nullable = false)
    private Instant previousStart;

    @Column(name = "previous_end", nullable = false)
    private Instant previousEnd;

    @Column(name = "session_types", nullable = false)
    private String sessionTypes;

    @Column(name = "request_ids", nullable = false)
    private String requestIds;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "lease_token")
    private String leaseToken;

    @Column(name = "lease_holder")
    private String leaseHolder;

    @Column(name = "lease_expires_at", nullable = false)
    private Instant leaseExpiresAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "userlock_id")
    private String userLockId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserLockAction() {}

    public UserLockAction(
            ActionType type,
            String accountKey,
            String requesterGuid,
            String account,
            Instant windowStart,
            Instant windowEnd,
            Instant previousStart,
            Instant previousEnd,
            String sessionTypes,
            String requestIds,
            Instant now) {
        this.type = type;
        this.accountKey = accountKey;
        this.requesterGuid = requesterGuid;
        this.account = account;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.previousStart = previousStart == null ? Instant.EPOCH : previousStart;
        this.previousEnd = previousEnd == null ? Instant.EPOCH : previousEnd;
        this.sessionTypes = sessionTypes;
        this.requestIds = requestIds;
        this.state = ActionState.QUEUED;
        this.dueAt = now;
        this.leaseExpiresAt = Instant.EPOCH;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void lease(String token, String holder, Instant until, Instant now) {
        state = ActionState.LEASED;
        leaseToken = token;
        leaseHolder = holder;
        leaseExpiresAt = until;
        attempt++;
        updatedAt = now;
    }

    public void succeeded(String userLockId, String log, Instant now) {
        state = ActionState.SUCCEEDED;
        this.userLockId = userLockId;
        lastError = log;
        leaseToken = null;
        updatedAt = now;
    }

    /** A failed attempt: due again at {@code retryAt}, or DEAD when {@code retryAt} is null. */
    public void failed(String error, Instant retryAt, Instant now) {
        state = retryAt == null ? ActionState.DEAD : ActionState.QUEUED;
        lastError = error;
        leaseToken = null;
        leaseExpiresAt = Instant.EPOCH;
        if (retryAt != null) {
            dueAt = retryAt;
        }
        updatedAt = now;
    }

    /** An administrator's "Retry now" on a dead action: a fresh series of attempts, due at once. */
    public void retry(Instant now) {
        state = ActionState.QUEUED;
        attempt = 0;
        dueAt = now;
        updatedAt = now;
    }

    public void supersede(Instant now) {
        state = ActionState.SUPERSEDED;
        updatedAt = now;
    }

    public boolean hasPrevious() {
        return !Instant.EPOCH.equals(previousEnd);
    }

    public Long id() {
        return id;
    }

    public String accountKey() {
        return accountKey;
    }

    public ActionType type() {
        return type;
    }

    public ActionState state() {
        return state;
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

    public Instant previousStart() {
        return previousStart;
    }

    public Instant previousEnd() {
        return previousEnd;
    }

    public String sessionTypes() {
        return sessionTypes;
    }

    public String requestIds() {
        return requestIds;
    }

    public int attempt() {
        return attempt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String leaseToken() {
        return leaseToken;
    }

    public String leaseHolder() {
        return leaseHolder;
    }

    public Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    public String lastError() {
        return lastError;
    }

    public String userLockId() {
        return userLockId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
