package io.afterhours.notification.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.notification.control.Backoff;
import io.afterhours.notification.control.MessageIds;
import io.afterhours.notification.control.OutgoingMail;
import io.afterhours.notification.entity.ComposedMail;
import io.afterhours.notification.entity.MailState;
import io.afterhours.notification.entity.OutboxMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail outbox (reliability.md §7). Features {@link #enqueue} a composed mail inside the transaction of the state
 * change that causes it, so the mail exists exactly when the change does. The worker {@link #claimDue claims} due rows
 * with {@code FOR UPDATE SKIP LOCKED} and a lease, sends them after that transaction, and reports each outcome: a row
 * becomes SENT only after the SMTP server accepted it, and DEAD (audited as {@code mail.dead}) after the retry limit.
 */
@ApplicationScoped
@Transactional
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<io.afterhours.notification.control.MailGivenUp> givenUp;

    @Inject
    @ConfigProperty(name = "afterhours.mail.retry-base")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "afterhours.mail.retry-max-delay")
    Duration retryMaxDelay;

    @Inject
    @ConfigProperty(name = "afterhours.mail.retry-max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(retryBase, retryMaxDelay);
    }

    /** Queues a mail in the caller's transaction (there must be one: the mail belongs to the caller's change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(String kind, String address, String name, ComposedMail mail, Long requestId) {
        OutboxMessage message = new OutboxMessage(kind, address, name, mail, requestId, clock.instant());
        em.persist(message);
        em.flush();
        return message.id();
    }

    /** The addresses (and names) mails of these kinds about a request were queued for, each once, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String[]> recipientsOf(long requestId, java.util.Collection<String> kinds) {
        List<String[]> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (OutboxMessage row : em.createQuery(
                        "SELECT m FROM OutboxMessage m WHERE m.requestId = :request AND m.kind IN :kinds ORDER BY m.id",
                        OutboxMessage.class)
                .setParameter("request", requestId)
                .setParameter("kinds", kinds)
                .setMaxResults(500)
                .getResultList()) {
            if (seen.add(row.recipientAddress().toLowerCase(java.util.Locale.ROOT))) {
                found.add(new String[] {row.recipientAddress(), row.recipientName()});
            }
        }
        return found;
    }

    /**
     * Claims up to {@code max} due rows for this worker, oldest due first, with what sending them needs. Another worker
     * takes a row again only after {@code lease}, if it is still QUEUED (this worker died, or never reported).
     */
    @SuppressWarnings("unchecked")
    public List<OutgoingMail> claimDue(int max, Duration lease) {
        Instant now = clock.instant();
        List<Number> ids = em.createNativeQuery("SELECT id FROM mail_outbox WHERE state = 'QUEUED' AND next_attempt_at"
                        + " <= ? AND claimed_until <= ? ORDER BY next_attempt_at, id FETCH FIRST " + Math.max(1, max)
                        + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now))
                .getResultList();
        List<OutgoingMail> claimed = new ArrayList<>();
        for (Number id : ids) {
            em.createNativeQuery("UPDATE mail_outbox SET claimed_until = ? WHERE id = ?")
                    .setParameter(1, Timestamp.from(now.plus(lease)))
                    .setParameter(2, id.longValue())
                    .executeUpdate();
            OutboxMessage row = em.find(OutboxMessage.class, id.longValue());
            claimed.add(new OutgoingMail(
                    row.id(),
                    MessageIds.of(row.id(), portalUrl),
                    row.recipientAddress(),
                    row.recipientName(),
                    row.subject(),
                    row.textBody(),
                    row.htmlBody()));
        }
        return claimed;
    }

    /** Gives a claimed row back untried (no attempt counted): the next run may take it at once. */
    public void release(long id) {
        em.createNativeQuery("UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND state = 'QUEUED'")
                .setParameter(1, Timestamp.from(Instant.EPOCH))
                .setParameter(2, id)
                .executeUpdate();
    }

    /** The SMTP server accepted the row's mail. */
    public void markSent(long id) {
        em.createNativeQuery("UPDATE mail_outbox SET state = 'SENT', sent_at = ?, claimed_until = ? WHERE id = ?")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, Timestamp.from(Instant.EPOCH))
                .setParameter(3, id)
                .executeUpdate();
        OutboxMessage row = em.find(OutboxMessage.class, id);
        if (row != null && row.requestId() != null) {
            // A request's timeline shows its mails; mails about nothing in particular stay in the outbox only.
            auditLog.append(
                    AuditRecord.system("mail", "mail.sent", "mail " + id, row.kind() + " to " + row.recipientAddress())
                            .about(new Concerning(row.requestId(), null, null)));
        }
    }

    /**
     * A send failed: the row waits out its backoff and frees its lease, or becomes DEAD at the retry limit (audited,
     * for an administrator to look at). Returns the row's state afterwards.
     */
    public MailState markFailed(long id, String error) {
        OutboxMessage row = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.state() != MailState.QUEUED) {
            return row == null ? MailState.DEAD : row.state();
        }
        row.failed(error, clock.instant().plus(backoff.after(row.attempts() + 1)), maxAttempts);
        em.flush();
        em.createNativeQuery("UPDATE mail_outbox SET claimed_until = ? WHERE id = ?")
                .setParameter(1, Timestamp.from(Instant.EPOCH))
                .setParameter(2, id)
                .executeUpdate();
        if (row.state() == MailState.DEAD) {
            auditLog.append(AuditRecord.system(
                            "mail",
                            "mail.dead",
                            "mail " + id,
                            row.kind() + " to " + row.recipientAddress() + " given up after " + row.attempts()
                                    + " attempts: " + error)
                    .about(row.requestId() == null ? null : new Concerning(row.requestId(), null, null)));
            givenUp.fire(new io.afterhours.notification.control.MailGivenUp(
                    id, row.kind(), row.recipientAddress(), row.attempts(), error));
        }
        return row.state();
    }
}
