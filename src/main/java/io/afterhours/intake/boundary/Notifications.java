package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Notification;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to stored notifications for the portal: filtered, sorted and paged in the database, so the page stays
 * fast however many notifications are stored. Administrators only, checked here as well as by the page's URL rule.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Notifications {

    /** Sortable columns of the page, mapped to entity attributes; anything else sorts by receipt time. */
    private static final Map<String, String> SORTABLE = Map.of(
            "receivedAt",
            "receivedAt",
            "eventTime",
            "eventTime",
            "eventType",
            "eventType",
            "classification",
            "classification",
            "user",
            "userName",
            "computer",
            "computer",
            "serverName",
            "serverName");

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    public List<NotificationSummary> page(
            NotificationFilter filter, int first, int pageSize, String sortField, boolean ascending) {
        requireAdministrator();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Notification> query = cb.createQuery(Notification.class);
        Root<Notification> root = query.from(Notification.class);
        query.where(predicates(cb, root, filter));
        Path<?> sortBy = root.get(sortField == null ? "receivedAt" : SORTABLE.getOrDefault(sortField, "receivedAt"));
        query.orderBy(ascending ? cb.asc(sortBy) : cb.desc(sortBy), cb.desc(root.get("id")));
        TypedQuery<Notification> typed = em.createQuery(query)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(pageSize, 500)));
        return typed.getResultList().stream().map(NotificationSummary::of).toList();
    }

    public long count(NotificationFilter filter) {
        requireAdministrator();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Notification> root = query.from(Notification.class);
        query.select(cb.count(root)).where(predicates(cb, root, filter));
        return em.createQuery(query).getSingleResult();
    }

    public Optional<NotificationDetail> detail(long id) {
        requireAdministrator();
        return Optional.ofNullable(em.find(Notification.class, id)).map(NotificationDetail::of);
    }

    private void requireAdministrator() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR)) {
            throw new AccessRefused("notifications");
        }
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Notification> root, NotificationFilter f) {
        List<Predicate> where = new ArrayList<>();
        if (f.serverSlot() != null) {
            where.add(cb.equal(root.get("serverSlot"), f.serverSlot()));
        }
        if (f.user() != null && !f.user().isBlank()) {
            // A substring search with LOCATE rather than LIKE: user input is data, never a pattern to escape.
            String needle = f.user().strip().toLowerCase(Locale.ROOT);
            where.add(cb.greaterThan(cb.locate(cb.lower(root.<String>get("userName")), needle), 0));
        }
        if (f.eventType() != null) {
            where.add(cb.equal(root.get("eventType"), f.eventType()));
        }
        if (f.classification() != null) {
            where.add(cb.equal(root.get("classification"), f.classification()));
        }
        if (f.mapped() != null) {
            // "Mapped" means a user was found, and intake stores no user otherwise. Tested on the user column, not on
            // the boolean: for paged queries EclipseLink's H2 platform inlines values and writes booleans as 0/1,
            // which H2 2.x refuses to compare with a BOOLEAN column (eclipse-ee4j/eclipselink#1578).
            Path<String> user = root.get("userName");
            where.add(f.mapped() ? cb.isNotNull(user) : cb.isNull(user));
        }
        if (f.receivedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(root.<java.time.Instant>get("receivedAt"), f.receivedFrom()));
        }
        if (f.receivedTo() != null) {
            where.add(cb.lessThan(root.<java.time.Instant>get("receivedAt"), f.receivedTo()));
        }
        return where.toArray(Predicate[]::new);
    }
}
