package io.afterhours.request.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One requested logon window for one person. The window is two instants, so it keeps its true length across a DST
 * change. State changes go through {@code RequestLifecycle} (control); this entity only holds the result. Carries a
 * version: two people deciding at once must not both win.
 */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest {

    @Id
    @SequenceGenerator(name = "extension_request_seq", sequenceName = "extension_request_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "extension_request_seq")
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestOrigin origin;

    @Column(name = "requester_guid", nullable = false)
    private String requesterGuid;

    @Column(name = "requester_account", nullable = false)
    private String requesterAccount;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(name = "approver_guid")
    private String approverGuid;

    @Column(name = "approver_name")
    private String approverName;

    @Column(name = "approver_group")
    private String approverGroup;

    @Column(name = "approver_reason", nullable = false)
    private String approverReason;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "requested_start", nullable = false)
    private Instant requestedStart;

    @Column(name = "requested_end", nullable = false)
    private Instant requestedEnd;

    @Column(name = "session_types", nullable = false)
    private String sessionTypes;

    private String reason;

    @Column(name = "denial_computer")
    private String denialComputer;

    @Column(name = "denial_client")
    private String denialClient;

    @Column(name = "denial_session")
    private String denialSession;

    @Column(name = "denial_count", nullable = false)
    private int denialCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // Set by the timers, never inserted: a null Instant cannot be bound on PostgreSQL (InstantConverter).
    @Column(name = "reminded_at", insertable = false)
    private Instant remindedAt;

    @Column(name = "escalated_at", insertable = false)
    private Instant escalatedAt;

    @Column(name = "escalated_to_guid")
    private String escalatedToGuid;

    @Column(name = "escalated_to_name")
    private String escalatedToName;

    @Column(name = "escalated_to_group")
    private String escalatedToGroup;

    protected ExtensionRequest() {}

    public ExtensionRequest(
            RequestOrigin origin,
            UUID requester,
            String requesterAccount,
            String requesterName,
            Instant windowStart,
            Instant windowEnd,
            String sessionTypes,
            String reason,
            Instant now) {
        this.origin = origin;
        this.requesterGuid = requester.toString();
        this.requesterAccount = requesterAccount;
        this.requesterName = requesterName;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.requestedStart = windowStart;
        this.requestedEnd = windowEnd;
        this.sessionTypes = sessionTypes;
        this.reason = reason;
        this.state = RequestState.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Who decides, as the directory said when the request was made (kept for the record). */
    public void routeTo(UUID approver, String approverName, String fallbackGroup, String why) {
        this.approverGuid = approver == null ? null : approver.toString();
        this.approverName = approverName;
        this.approverGroup = fallbackGroup;
        this.approverReason = why;
    }

    /** The reminder timer fired: the inbox marks the request. */
    public void remind(Instant now) {
        remindedAt = now;
    }

    /**
     * The escalation timer fired: from now on this person (the approver's own approver) or, when there is none, a
     * member of this group may decide as well as the line manager.
     */
    public void escalateTo(UUID person, String name, String group, Instant now) {
        escalatedToGuid = person == null ? null : person.toString();
        escalatedToName = name;
        escalatedToGroup = group;
        escalatedAt = now;
    }

    /**
     * A denied logon behind this request: the first one's details are kept on the request, every one is counted (and
     * stored as a {@link RequestDenial}). No nullable instant here on purpose: see {@code InstantConverter}.
     */
    public void recordDenial(String computer, String client, String sessionType) {
        if (denialCount == 0) {
            denialComputer = computer;
            denialClient = client;
            denialSession = sessionType;
        }
        denialCount++;
    }

    /** Only {@code RequestLifecycle} decides whether this move is allowed. */
    public void enter(RequestState next, Instant now) {
        state = next;
        updatedAt = now;
    }

    /** The employee's own words on why they need the window, given or changed while it is undecided. */
    public void explain(String reason, Instant now) {
        this.reason = reason;
        this.updatedAt = now;
    }

    /** The window granted: never wider than the one asked for (the caller checks; this keeps the record). */
    public void grant(Instant start, Instant end, Instant now) {
        this.windowStart = start;
        this.windowEnd = end;
        this.updatedAt = now;
    }

    /** Widens an undecided request to a window the employee asked for on top of it; nothing was granted yet. */
    public void widen(Instant start, Instant end, Instant now) {
        this.requestedStart = start;
        this.requestedEnd = end;
        grant(start, end, now);
    }

    public boolean overlaps(Instant start, Instant end) {
        return windowStart.isBefore(end) && start.isBefore(windowEnd);
    }

    public boolean covers(Instant moment) {
        return !moment.isBefore(windowStart) && moment.isBefore(windowEnd);
    }

    public Duration length() {
        return Duration.between(windowStart, windowEnd);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public RequestState state() {
        return state;
    }

    public RequestOrigin origin() {
        return origin;
    }

    public UUID requester() {
        return UUID.fromString(requesterGuid);
    }

    public String requesterAccount() {
        return requesterAccount;
    }

    public String requesterName() {
        return requesterName;
    }

    public UUID approver() {
        return approverGuid == null ? null : UUID.fromString(approverGuid);
    }

    public String approverName() {
        return approverName;
    }

    public String approverGroup() {
        return approverGroup;
    }

    public String approverReason() {
        return approverReason;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowEnd;
    }

    public Instant requestedStart() {
        return requestedStart;
    }

    public Instant requestedEnd() {
        return requestedEnd;
    }

    public String sessionTypes() {
        return sessionTypes;
    }

    public String reason() {
        return reason;
    }

    public String denialComputer() {
        return denialComputer;
    }

    public String denialClient() {
        return denialClient;
    }

    public String denialSession() {
        return denialSession;
    }

    public int denialCount() {
        return denialCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant remindedAt() {
        return remindedAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public UUID escalatedTo() {
        return escalatedToGuid == null ? null : UUID.fromString(escalatedToGuid);
    }

    public String escalatedToName() {
        return escalatedToName;
    }

    public String escalatedToGroup() {
        return escalatedToGroup;
    }
}
