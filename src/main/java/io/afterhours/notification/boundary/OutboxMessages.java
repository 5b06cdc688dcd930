package io.afterhours.notification.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.notification.control.MessageIds;
import io.afterhours.notification.entity.MailState;
import io.afterhours.notification.entity.OutboxMessage;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox as administrators see it (issue 5): rows filtered and paged in the database, counts per status, one row
 * with its message, and "retry now" for a row waiting on a failure. Administrators only, checked here as well as by
 * the pages' URL rule. Retrying is audited ({@code mail.retry}) with the administrator as the actor.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutboxMessages {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    /** Rows matching {@code filter}, newest first. */
    public List<OutboxSummary> page(OutboxFilter filter, int first, int pageSize) {
        requireAdministrator();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<OutboxMessage> query = cb.createQuery(OutboxMessage.class);
        Root<OutboxMessage> root = query.from(OutboxMessage.class);
        query.where(predicates(cb, root, filter)).orderBy(cb.desc(root.get("id")));
        return em
                .createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(pageSize, 500)))
                .getResultList()
                .stream()
                .map(OutboxSummary::of)
                .toList();
    }

    public long count(OutboxFilter filter) {
        requireAdministrator();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<OutboxMessage> root = query.from(OutboxMessage.class);
        query.select(cb.count(root)).where(predicates(cb, root, filter));
        return em.createQuery(query).getSingleResult();
    }

    public OutboxCounts counts() {
        return new OutboxCounts(
                count(only(OutboxStatus.PENDING)),
                count(only(OutboxStatus.FAILED)),
                count(only(OutboxStatus.SENT)),
                count(only(OutboxStatus.DEAD)));
    }

    public Optional<OutboxDetail> detail(long id) {
        requireAdministrator();
        return Optional.ofNullable(em.find(OutboxMessage.class, id))
                .map(m -> OutboxDetail.of(m, MessageIds.of(m.id(), portalUrl)));
    }

    /**
     * Makes a FAILED or DEAD row due now, so the next worker run sends it; returns the row afterwards. The row is
     * locked as the worker locks it when it reports, so a retry and a report never interleave.
     */
    @Transactional
    public OutboxDetail retryNow(long id) {
        requireAdministrator();
        OutboxMessage row = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new OutboxRefused("outbox.retry.missing");
        }
        MailState before = row.state();
        if (!row.retryNow(clock.instant())) {
            throw new OutboxRefused("outbox.retry.notWaiting");
        }
        em.flush();
        String admin = security.getCallerPrincipal().getName();
        auditLog.append(new AuditRecord(
                        ActorType.PERSON,
                        admin,
                        "mail.retry",
                        "mail " + id,
                        row.kind() + " to " + row.recipientAddress() + ", " + OutboxStatus.of(before, row.attempts())
                                + " after " + row.attempts() + " attempts, due again now")
                .about(row.requestId() == null ? null : new Concerning(row.requestId(), null, null)));
        return OutboxDetail.of(row, MessageIds.of(row.id(), portalUrl));
    }

    private static OutboxFilter only(OutboxStatus status) {
        return new OutboxFilter(status, null, null, null);
    }

    private void requireAdministrator() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR)) {
            throw new AccessRefused("outbox");
        }
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<OutboxMessage> root, OutboxFilter f) {
        List<Predicate> where = new ArrayList<>();
        if (f.status() != null) {
            switch (f.status()) {
                case PENDING -> {
                    where.add(cb.equal(root.get("state"), MailState.QUEUED));
                    where.add(cb.equal(root.get("attempts"), 0));
                }
                case FAILED -> {
                    where.add(cb.equal(root.get("state"), MailState.QUEUED));
                    where.add(cb.greaterThan(root.get("attempts"), 0));
                }
                case SENT -> where.add(cb.equal(root.get("state"), MailState.SENT));
                case DEAD -> where.add(cb.equal(root.get("state"), MailState.DEAD));
            }
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            where.add(cb.equal(root.get("kind"), f.kind().strip()));
        }
        if (f.recipient() != null && !f.recipient().isBlank()) {
            // LOCATE rather than LIKE: what the administrator typed is data, never a pattern.
            String needle = f.recipient().strip().toLowerCase(Locale.ROOT);
            where.add(cb.greaterThan(cb.locate(cb.lower(root.get("recipientAddress")), needle), 0));
        }
        if (f.requestId() != null) {
            where.add(cb.equal(root.get("requestId"), f.requestId()));
        }
        return where.toArray(Predicate[]::new);
    }
}
