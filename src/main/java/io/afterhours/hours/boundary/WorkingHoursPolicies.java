package io.afterhours.hours.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.hours.control.PolicyCheck;
import io.afterhours.hours.control.Schedule;
import io.afterhours.hours.control.StoredPolicies;
import io.afterhours.hours.entity.WorkingHoursPolicy;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The working-hours policies as administrators edit them (product.md F10): the default policy and per-group
 * overrides. Only administrators may read or change them here (checked on every call, behind the URL rule). Every
 * change is audited in the same transaction with the policy before and after, and fires {@link PoliciesChanged} so
 * the evaluation cache reloads once it is committed. A change made from an out-of-date copy is refused, never merged.
 */
@ApplicationScoped
@Transactional
public class WorkingHoursPolicies {

    static final String STALE = "hours.problem.stale";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<PoliciesChanged> changed;

    /** Every policy: the default first, then the overrides by priority (highest first) and group. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicySummary> list() {
        requireAdministrator("working-hours policies");
        return all().stream()
                .sorted(Comparator.comparing((WorkingHoursPolicy p) -> !p.isDefault())
                        .thenComparing(Comparator.comparingInt(WorkingHoursPolicy::priority)
                                .reversed())
                        .thenComparing(
                                p -> p.isDefault() ? "" : p.directoryGroup().toLowerCase(Locale.ROOT)))
                .map(StoredPolicies::summary)
                .toList();
    }

    /** Creates an override (no id) or changes a policy; refused with every problem at once. */
    public PolicySummary save(SavePolicyCommand command) {
        String actor = requireAdministrator("working-hours policy " + command.id());
        WorkingHoursPolicy policy = command.id() == null ? null : em.find(WorkingHoursPolicy.class, command.id());
        if (command.id() != null && (policy == null || policy.version() != command.version())) {
            throw new PolicyRefused(List.of(STALE));
        }
        String group = policy != null && policy.isDefault() ? null : blankToNull(command.group());
        if (policy == null || !policy.isDefault()) {
            if (group == null) {
                throw new PolicyRefused(List.of("hours.problem.group"));
            }
        }
        PolicyCheck.Checked checked =
                PolicyCheck.check(command.name(), group, command.priority(), command.zone(), command.frames());
        if (!checked.problems().isEmpty()) {
            throw new PolicyRefused(checked.problems());
        }
        if (group != null && groupTaken(group, command.id())) {
            throw new PolicyRefused(List.of("hours.problem.groupTaken|" + group));
        }
        Schedule after = checked.schedule();
        String before =
                policy == null ? "(none)" : StoredPolicies.schedule(policy).auditText();
        if (policy == null) {
            policy = new WorkingHoursPolicy(
                    after.name(), group, after.priority(), after.zone().getId(), StoredPolicies.frames(after));
            em.persist(policy);
        } else {
            policy.change(after.name(), group, after.priority(), after.zone().getId(), StoredPolicies.frames(after));
        }
        flush(group);
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                actor,
                command.id() == null ? "hours.policy.created" : "hours.policy.changed",
                "working-hours policy " + policy.id(),
                "before: " + before + "; after: " + after.auditText()));
        changed.fire(new PoliciesChanged());
        return StoredPolicies.summary(policy);
    }

    /** Deletes a group override; the default policy always stays. */
    public void delete(long id, long version) {
        String actor = requireAdministrator("working-hours policy " + id);
        WorkingHoursPolicy policy = em.find(WorkingHoursPolicy.class, id);
        if (policy == null || policy.version() != version) {
            throw new PolicyRefused(List.of(STALE));
        }
        if (policy.isDefault()) {
            throw new PolicyRefused(List.of("hours.problem.defaultStays"));
        }
        String before = StoredPolicies.schedule(policy).auditText();
        em.remove(policy);
        flush(null);
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                actor,
                "hours.policy.deleted",
                "working-hours policy " + id,
                "before: " + before + "; after: (deleted)"));
        changed.fire(new PoliciesChanged());
    }

    /**
     * Every policy in its evaluated form, for the feature's cache. No access check: nothing leaves the feature. In a
     * transaction of its own even though it only reads: the cache calls it from a managed scheduler thread, where
     * Payara's clean-up of a transaction-less EntityManager fails and breaks that thread's invocation context.
     */
    public List<Schedule> schedules() {
        return all().stream().map(StoredPolicies::schedule).toList();
    }

    /**
     * Stores {@code seed} as the default policy when there is none yet; returns whether it did. Its own transaction:
     * a second instance seeding at the same moment fails on the unique scope key and rolls back only this.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean seedDefault(Schedule seed) {
        Long defaults = em.createQuery(
                        "SELECT COUNT(p) FROM WorkingHoursPolicy p WHERE p.scopeKey = :scope", Long.class)
                .setParameter("scope", WorkingHoursPolicy.DEFAULT_SCOPE)
                .getSingleResult();
        if (defaults > 0) {
            return false;
        }
        WorkingHoursPolicy policy =
                new WorkingHoursPolicy(seed.name(), null, 0, seed.zone().getId(), StoredPolicies.frames(seed));
        em.persist(policy);
        em.flush();
        auditLog.append(AuditRecord.system(
                "hours",
                "hours.policy.seeded",
                "working-hours policy " + policy.id(),
                "before: (none); after: " + seed.auditText()));
        return true;
    }

    private List<WorkingHoursPolicy> all() {
        return em.createQuery("SELECT p FROM WorkingHoursPolicy p ORDER BY p.id", WorkingHoursPolicy.class)
                .getResultList();
    }

    private boolean groupTaken(String group, Long except) {
        return em
                .createQuery("SELECT p.id FROM WorkingHoursPolicy p WHERE p.scopeKey = :scope", Long.class)
                .setParameter("scope", group.toLowerCase(Locale.ROOT))
                .getResultList()
                .stream()
                .anyMatch(id -> !id.equals(except));
    }

    /** Writes now, so a lost race (version, or the same group created twice) is told as such. */
    private void flush(String group) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new PolicyRefused(List.of(STALE));
        } catch (PersistenceException e) {
            throw new PolicyRefused(List.of(group == null ? STALE : "hours.problem.groupTaken|" + group));
        }
    }

    private String requireAdministrator(String what) {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused(what);
        }
        return security.getCallerPrincipal().getName();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
