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
import java.time.Instant;

/**
 * A job row: remind or escalate one pending request once it is due (product.md F3), or tell the employee that their
 * granted window ends soon (F4). At most one of each kind per
 * request (a unique key). Written with the request, so it survives restarts; claimed by the worker in the database
 * (the lease column {@code claimed_until} is written by the claim query only), never a container timer.
 */
@Entity
@Table(name = "request_timer")
public class RequestTimer {

    public enum Kind {
        REMIND,
        ESCALATE,
        ENDING_SOON
    }

    @Id
    @SequenceGenerator(name = "request_timer_seq", sequenceName = "request_timer_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_timer_seq")
    private Long id;

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    // Never inserted: a null Instant cannot be bound on PostgreSQL (InstantConverter); it is only ever set.
    @Column(name = "done_at", insertable = false)
    private Instant doneAt;

    protected RequestTimer() {}

    public RequestTimer(long requestId, Kind kind, Instant dueAt) {
        this.requestId = requestId;
        this.kind = kind;
        this.dueAt = dueAt;
    }

    public void done(Instant now) {
        doneAt = now;
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public Long id() {
        return id;
    }

    public long requestId() {
        return requestId;
    }

    public Kind kind() {
        return kind;
    }

    public Instant dueAt() {
        return dueAt;
    }
}
