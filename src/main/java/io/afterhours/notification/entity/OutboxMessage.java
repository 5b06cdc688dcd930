package io.afterhours.notification.entity;

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
 * One composed mail waiting in the outbox, written in the transaction of the state change that causes it. Invariants:
 * a new row is QUEUED, due at once and free ({@code claimed_until} is the epoch); it leaves QUEUED only once, to SENT
 * after the SMTP server accepted it or to DEAD after the retry limit. The lease and {@code sent_at} are written by the
 * worker's SQL only (a null Instant cannot be bound on PostgreSQL).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(nullable = false)
    private String kind;

    @Column(name = "recipient_address", nullable = false)
    private String recipientAddress;

    @Column(name = "recipient_name")
    private String recipientName;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until", nullable = false)
    private Instant claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "request_id")
    private Long requestId;

    // Read only: the worker's SQL writes it (see the class comment), the outbox page reads it.
    @Column(name = "sent_at", insertable = false, updatable = false)
    private Instant sentAt;

    protected OutboxMessage() {}

    public OutboxMessage(
            String kind,
            String recipientAddress,
            String recipientName,
            ComposedMail mail,
            Long requestId,
            Instant now) {
        this.kind = kind;
        this.recipientAddress = recipientAddress;
        this.recipientName = recipientName;
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.requestId = requestId;
        this.state = MailState.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.claimedUntil = Instant.EPOCH;
        this.createdAt = now;
    }

    /** A failed attempt: tried again at {@code retryAt}, or DEAD when that was the last one allowed. */
    public void failed(String error, Instant retryAt, int maxAttempts) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= maxAttempts) {
            state = MailState.DEAD;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    /**
     * An administrator's "retry now": a DEAD row, or a QUEUED one that failed before, is due again at once. Attempts
     * are kept, so a row that was DEAD gets one more try before it is DEAD again. Returns false for a row that is not
     * waiting on a failure (sent, or not yet tried), which is left as it is.
     */
    public boolean retryNow(Instant now) {
        if (state == MailState.SENT || (state == MailState.QUEUED && attempts == 0)) {
            return false;
        }
        state = MailState.QUEUED;
        nextAttemptAt = now;
        return true;
    }

    public Long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String recipientAddress() {
        return recipientAddress;
    }

    public String recipientName() {
        return recipientName;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public MailState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Long requestId() {
        return requestId;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
