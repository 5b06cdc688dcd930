package io.afterhours.request.control;

import io.afterhours.request.entity.Deputy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who stands in for whom, and when: the queries behind deputies' inboxes and decisions. */
@ApplicationScoped
public class DeputyAssignments {

    @PersistenceContext
    EntityManager em;

    /** The managers this person stands in for at this moment. */
    public List<UUID> managersDeputizedBy(UUID deputy, Instant now) {
        return em
                .createQuery(
                        "SELECT d.managerGuid FROM Deputy d WHERE d.deputyGuid = :deputy AND d.startsAt <= :now"
                                + " AND d.endsAt > :now",
                        String.class)
                .setParameter("deputy", deputy.toString())
                .setParameter("now", now)
                .getResultList()
                .stream()
                .distinct()
                .map(UUID::fromString)
                .toList();
    }

    /** The deputyship that lets {@code deputy} decide for {@code manager} now, if any. */
    public Optional<Deputy> active(UUID manager, UUID deputy, Instant now) {
        return em
                .createQuery(
                        "SELECT d FROM Deputy d WHERE d.managerGuid = :manager AND d.deputyGuid = :deputy"
                                + " AND d.startsAt <= :now AND d.endsAt > :now ORDER BY d.id",
                        Deputy.class)
                .setParameter("manager", manager.toString())
                .setParameter("deputy", deputy.toString())
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** A manager's deputyships that have not ended yet, soonest first. */
    public List<Deputy> currentAndComing(UUID manager, Instant now) {
        return em.createQuery(
                        "SELECT d FROM Deputy d WHERE d.managerGuid = :manager AND d.endsAt > :now"
                                + " ORDER BY d.startsAt, d.id",
                        Deputy.class)
                .setParameter("manager", manager.toString())
                .setParameter("now", now)
                .getResultList();
    }
}
