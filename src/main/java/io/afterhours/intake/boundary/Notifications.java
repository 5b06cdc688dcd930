package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to stored notifications for the portal: filtered, sorted and paged in the database, so the page stays
 * fast however many notifications are stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Notifications {

    /** Sortable columns of the page, mapped to entity attributes; anything else sorts by receipt time. */
    private static final Map<String, String> SORTABLE = Map.of(
            "receivedAt", "receivedAt", "eventTime", "eventTime", "eventType", "eventType",
            "classification", "classification", "user", "userName", "computer", "computer",
            "serverName", "serverName");

    @PersistenceContext
    EntityManager em;

    public List<NotificationSummary> page(NotificationFilter filter, int first, int pageSize, String sortField,
            boolean ascending) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Notification> query = cb.createQuery(Notification.class);
        Root<Notification> root = query.from(Notification.class);
        query.where(predicates(cb, root, filter));
        Path<?> sortBy = root.get(SORTABLE.getOrDefault(sortField, "receivedAt"));
        query.orderBy(ascending ? cb.asc(sortBy) : cb.desc(sortBy), cb.desc(root.get("id")));
        TypedQuery<Notification> typed = em.createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(pageSize, 500)));
        return typed.getResultList().stream().map(NotificationSummary::of).toList();
    }

    public long count(NotificationFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Notification> root = query.from(Notification.class);
        query.select(cb.count(root)).where(predicates(cb, root, filter));
        return em.createQuery(query).getSingleResult();
    }

    public Optional<NotificationDetail> detail(long id) {
        return Optional.ofNullable(em.find(Notification.class, id)).map(NotificationDetail::of);
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Notification> root, NotificationFilter f) {
        List<Predicate> where = new ArrayList<>();
        if (f.serverSlot() != null) {
            where.add(cb.equal(root.get("serverSlot"), f.serverSlot()));
        }
        if (f.user() != null && !f.user().isBlank()) {
            String pattern = "%" + escapeLike(f.user().strip().toLowerCase(Locale.ROOT)) + "%";
            where.add(cb.like(cb.lower(root.<String>get("userName")), pattern, '\\'));
        }
        if (f.eventType() != null) {
            where.add(cb.equal(root.get("eventType"), f.eventType()));
        }
        if (f.classification() != null) {
            where.add(cb.equal(root.get("classification"), f.classification()));
        }
        if (f.mapped() != null) {
            where.add(cb.equal(root.get("mapped"), f.mapped()));
        }
        if (f.receivedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(root.<java.time.Instant>get("receivedAt"), f.receivedFrom()));
        }
        if (f.receivedTo() != null) {
            where.add(cb.lessThan(root.<java.time.Instant>get("receivedAt"), f.receivedTo()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** User input is data, never a pattern: escape LIKE's wildcards. */
    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
