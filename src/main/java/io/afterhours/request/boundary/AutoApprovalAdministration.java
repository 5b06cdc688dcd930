package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.request.control.AutoApprovalRules;
import io.afterhours.request.control.AutoApprovalRules.Rule;
import io.afterhours.request.control.AutoApprovalRules.RulesChanged;
import io.afterhours.request.control.RequestPolicy;
import io.afterhours.request.control.RuleInput;
import io.afterhours.request.entity.PortalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Auto-approval rules page's boundary (product.md F3, F9): the rules in the order they are tried, those from
 * configuration first (read-only here), then the portal's; adding, changing, deleting and moving a portal rule.
 * Administrators only (checked on every call, behind the URL rule). Input is checked by {@link RuleInput}, the group
 * against the directory, the name against every other rule; a change from a stale page is refused (the row's version).
 * Nothing is saved when anything is refused. Every change is audited in the same transaction with before and after,
 * and fires {@link RulesChanged} so the rules in memory are reloaded once it commits.
 */
@ApplicationScoped
@Transactional
public class AutoApprovalAdministration {

    static final String STALE = "autoApproval.problem.stale";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog auditLog;

    @Inject
    AutoApprovalRules rules;

    @Inject
    RequestPolicy policy;

    @Inject
    Directory directory;

    @Inject
    Clock clock;

    @Inject
    Event<RulesChanged> changed;

    /** Every rule in the order they are tried. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AutoApprovalRuleSummary> list() {
        requireAdministrator("auto-approval rules");
        List<AutoApprovalRuleSummary> out = new ArrayList<>();
        for (Rule rule : rules.configured()) {
            out.add(new AutoApprovalRuleSummary(
                    null,
                    0,
                    out.size() + 1,
                    rule.name(),
                    rule.group(),
                    rule.maxDuration().toString(),
                    rule.maxPerMonth(),
                    true,
                    null,
                    null,
                    true,
                    true));
        }
        List<PortalRule> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            PortalRule row = rows.get(i);
            out.add(new AutoApprovalRuleSummary(
                    row.id(),
                    row.version(),
                    out.size() + 1,
                    row.name(),
                    row.group(),
                    row.maxDuration(),
                    row.maxPerMonth(),
                    false,
                    row.changedBy(),
                    row.changedAt(),
                    i == 0,
                    i == rows.size() - 1));
        }
        return out;
    }

    /** Adds a portal rule after the others. */
    public void create(String name, String group, String maxDuration, String maxPerMonth) {
        String actor = requireAdministrator("auto-approval rules");
        Rule rule = checked(name, group, maxDuration, maxPerMonth);
        List<PortalRule> rows = rows();
        List<String> taken = new ArrayList<>();
        rules.configured().forEach(r -> taken.add(r.name()));
        rows.forEach(r -> taken.add(r.name()));
        if (taken.stream().anyMatch(t -> t.equalsIgnoreCase(rule.name()))) {
            throw new RuleRefused(List.of("autoApproval.problem.nameTaken|" + rule.name()));
        }
        int last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).sortOrder() + 1;
        PortalRule row = new PortalRule(
                rule.name(),
                rule.group(),
                rule.maxDuration().toString(),
                rule.maxPerMonth(),
                last,
                actor,
                clock.instant());
        em.persist(row);
        flush();
        audit(actor, "autoapprove.rule.created", rule.name(), "(none)", RuleInput.describe(rule));
    }

    /** Changes a portal rule's group, longest window and monthly cap (its name stays), from the page's version. */
    public void change(long id, long version, String group, String maxDuration, String maxPerMonth) {
        String actor = requireAdministrator("auto-approval rule " + id);
        PortalRule row = current(id, version);
        Rule rule = checked(row.name(), group, maxDuration, maxPerMonth);
        Rule before = AutoApprovalRules.rule(row);
        if (before.equals(rule)) {
            throw new RuleRefused(List.of("autoApproval.problem.unchanged"));
        }
        row.change(rule.group(), rule.maxDuration().toString(), rule.maxPerMonth(), actor, clock.instant());
        flush();
        audit(actor, "autoapprove.rule.changed", row.name(), RuleInput.describe(before), RuleInput.describe(rule));
    }

    /** Deletes a portal rule; decisions it made keep its name. */
    public void delete(long id, long version) {
        String actor = requireAdministrator("auto-approval rule " + id);
        PortalRule row = current(id, version);
        Rule before = AutoApprovalRules.rule(row);
        em.remove(row);
        flush();
        audit(actor, "autoapprove.rule.deleted", row.name(), RuleInput.describe(before), "(none)");
    }

    /** Moves a portal rule one place up or down among the portal's rules (configuration's always come first). */
    public void move(long id, long version, boolean up) {
        String actor = requireAdministrator("auto-approval rule " + id);
        PortalRule row = current(id, version);
        List<PortalRule> before = rows();
        int index = before.indexOf(row);
        List<PortalRule> after = RuleInput.moved(before, index, up)
                .orElseThrow(() ->
                        new RuleRefused(List.of(up ? "autoApproval.problem.first" : "autoApproval.problem.last")));
        for (int i = 0; i < after.size(); i++) {
            PortalRule r = after.get(i);
            if (r.sortOrder() != i) {
                r.moveTo(i, actor, clock.instant());
            }
        }
        // The moved row changes even when its number stays, so a concurrent move from a stale page is refused.
        em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        flush();
        audit(actor, "autoapprove.rule.moved", row.name(), "order " + names(before), "order " + names(after));
    }

    private Rule checked(String name, String group, String maxDuration, String maxPerMonth) {
        RuleInput.Checked checked = RuleInput.check(name, group, maxDuration, maxPerMonth, policy.maxLength());
        if (!checked.problems().isEmpty()) {
            throw new RuleRefused(checked.problems());
        }
        Rule rule = checked.rule().orElseThrow();
        boolean exists;
        try {
            exists = directory.groupExists(rule.group());
        } catch (DirectoryUnavailable e) {
            throw new RuleRefused(List.of("autoApproval.problem.directory"));
        }
        if (!exists) {
            throw new RuleRefused(List.of("autoApproval.problem.groupUnknown|" + rule.group()));
        }
        return rule;
    }

    private PortalRule current(long id, long version) {
        PortalRule row = em.find(PortalRule.class, id);
        if (row == null || row.version() != version) {
            throw new RuleRefused(List.of(STALE));
        }
        return row;
    }

    private static String names(List<PortalRule> rows) {
        return String.join(", ", rows.stream().map(PortalRule::name).toList());
    }

    private void audit(String actor, String action, String name, String before, String after) {
        changed.fire(new RulesChanged());
        auditLog.append(new AuditRecord(
                ActorType.PERSON, actor, action, "auto-approval rule " + name, name + ": " + before + " -> " + after));
    }

    private List<PortalRule> rows() {
        return em.createQuery("SELECT r FROM PortalRule r ORDER BY r.sortOrder, r.id", PortalRule.class)
                .getResultList();
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new RuleRefused(List.of(STALE));
        } catch (PersistenceException e) {
            // Two administrators adding a rule of one name at once: the unique name keeps one.
            throw new RuleRefused(List.of(STALE));
        }
    }

    private String requireAdministrator(String what) {
        return Roles.requireAdministrator(security, what);
    }
}
