package io.afterhours.connector.boundary;

import io.afterhours.admin.boundary.Settings;
import io.afterhours.admin.boundary.SettingsChanged;
import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.connector.control.AccountPlan;
import io.afterhours.connector.control.AccountPlan.Account;
import io.afterhours.connector.control.AccountPlan.Grant;
import io.afterhours.connector.control.AccountPlan.Step;
import io.afterhours.connector.control.AccountPlan.Window;
import io.afterhours.connector.control.ConnectorMode;
import io.afterhours.connector.control.ManualMapping;
import io.afterhours.connector.entity.ActionState;
import io.afterhours.connector.entity.ActionType;
import io.afterhours.connector.entity.UserLockAccount;
import io.afterhours.connector.entity.UserLockAction;
import io.afterhours.connector.manual.ManualCommands;
import io.afterhours.request.boundary.GrantedWindow;
import io.afterhours.request.boundary.RequestDecided;
import io.afterhours.request.boundary.RequestProgress;
import io.afterhours.request.boundary.RequestRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The UserLock action queue (issue 6, docs/bridge-api.md). An approval or a revocation recomputes the person's merged
 * windows and queues, in the same transaction, the APPLY and REMOVE actions that make UserLock hold them. Bridges lease
 * due actions with {@code FOR UPDATE SKIP LOCKED} and report each outcome with the lease token they got; a failure is
 * retried with exponential backoff and, after the limit, the action is DEAD, its requests FAILED and administrators
 * alerted.
 */
@ApplicationScoped
@Transactional
public class ActionQueue {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    RequestProgress progress;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    Event<ActionDead> dead;

    @Inject
    Event<ManualActionQueued> manualQueued;

    @Inject
    ConnectorMode mode;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.zone")
    ZoneId userLockZone;

    @Inject
    @ConfigProperty(name = "afterhours.connector.manual-server")
    String manualServer;

    @Inject
    @ConfigProperty(name = "afterhours.connector.domain")
    String domain;

    @Inject
    @ConfigProperty(name = "afterhours.connector.overtime-action")
    String overtimeAction;

    /** Absent in unit tests that build this by hand: the two values above apply then. */
    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = "afterhours.connector.retry-base")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "afterhours.connector.retry-max-delay")
    Duration retryMaxDelay;

    @Inject
    @ConfigProperty(name = "afterhours.connector.retry-max-attempts")
    int retryMaxAttempts;

    /** An approval queues its APPLY in the deciding transaction: approved means queued, or neither. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onDecided(@Observes RequestDecided decided) {
        if (decided.approved()) {
            plan(decided.requester(), "request " + decided.requestId() + " approved");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRevoked(@Observes RequestRevoked revoked) {
        plan(revoked.requester(), "request " + revoked.requestId() + " revoked");
    }

    /**
     * Recomputes this person's merged windows from their live requests, compares them with the live accounts, and
     * queues the difference; a queued action not yet leased for the same account is superseded by the new one.
     */
    void plan(UUID requester, String why) {
        Instant now = clock.instant();
        List<GrantedWindow> windows = progress.liveWindows(requester);
        List<UserLockAccount> accounts = em.createQuery(
                        "SELECT a FROM UserLockAccount a WHERE a.requesterGuid = :guid AND a.live = TRUE",
                        UserLockAccount.class)
                .setParameter("guid", requester.toString())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        List<Grant> grants = windows.stream()
                .map(w -> new Grant(w.requestId(), new Window(w.start(), w.end())))
                .toList();
        List<Account> existing = accounts.stream()
                .map(a -> new Account(
                        a.accountKey(),
                        new Window(a.windowStart(), a.windowEnd()),
                        AccountPlan.ids(a.requestIds()),
                        a.applied() ? new Window(a.appliedStart(), a.appliedEnd()) : null))
                .toList();
        Map<String, UserLockAccount> byKey =
                accounts.stream().collect(Collectors.toMap(UserLockAccount::accountKey, a -> a));
        for (Step step : AccountPlan.diff(requester.toString(), grants, existing)) {
            supersedeQueued(step.key(), now);
            UserLockAccount account = byKey.get(step.key());
            if (step.type() == AccountPlan.StepType.APPLY) {
                List<GrantedWindow> covered = windows.stream()
                        .filter(w -> step.requestIds().contains(w.requestId()))
                        .toList();
                if (account == null) {
                    account = new UserLockAccount(
                            step.key(),
                            requester.toString(),
                            qualified(covered.get(0).account()),
                            now);
                    em.persist(account);
                }
                account.want(step.window().start(), step.window().end(), AccountPlan.ids(step.requestIds()), now);
                TreeSet<String> types = new TreeSet<>();
                covered.forEach(w -> types.addAll(Arrays.asList(w.sessionTypes().split(","))));
                queue(ActionType.APPLY, account, step, String.join(",", types), why, now);
            } else {
                account.drop(now);
                if (account.applied() || leased(step.key())) {
                    queue(ActionType.REMOVE, account, step, "", why, now);
                }
            }
        }
    }

    private void queue(ActionType type, UserLockAccount account, Step step, String types, String why, Instant now) {
        Window previous = step.previous();
        UserLockAction action = new UserLockAction(
                type,
                account.accountKey(),
                account.requesterGuid(),
                account.account(),
                step.window().start(),
                step.window().end(),
                previous == null ? null : previous.start(),
                previous == null ? null : previous.end(),
                types,
                AccountPlan.ids(step.requestIds()),
                now);
        em.persist(action);
        em.flush();
        auditLog.append(AuditRecord.system(
                        "connector",
                        "action.queued",
                        "action " + action.id(),
                        type + " " + account.accountKey() + " for " + account.account() + " "
                                + step.window().start() + " to " + step.window().end() + " (requests "
                                + action.requestIds()
                                + "): " + why)
                .about(concerning(action)));
        if (mode.manual()) {
            mailToAdministrators(action);
        }
    }

    /** Manual mode: the administrators are mailed the action's commands and the page to confirm it on. */
    private void mailToAdministrators(UserLockAction action) {
        ManualAction manual = manual(action);
        manualQueued.fire(new ManualActionQueued(
                action.id(),
                action.type().name(),
                action.account(),
                action.accountKey(),
                manual.requestIds(),
                manual.commands()));
    }

    /**
     * An administrator switched the connector mode (Settings page), in the saving transaction: only the instance
     * whose save commits acts, exactly once. To manual: every QUEUED action (not leased: those finish with their
     * bridge, whose result is still accepted) is mailed to the administrators exactly as a newly queued one, so none
     * is stranded. To bridge: the QUEUED actions, including those still waiting for an administrator's confirmation,
     * are leasable by a bridge again (it applies by their account key, so one already pasted by hand is applied
     * idempotently). Both counts go into the change's audit entry and onto the page.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onModeChanged(@Observes SettingsChanged changed) {
        if (!ConnectorMode.KEY.equals(changed.key())) {
            return;
        }
        boolean wasManual = ConnectorMode.manual(changed.before());
        boolean toManual = ConnectorMode.manual(changed.after());
        if (wasManual == toManual) {
            return;
        }
        List<UserLockAction> queued = em.createQuery(
                        "SELECT a FROM UserLockAction a WHERE a.state = :queued ORDER BY a.id", UserLockAction.class)
                .setParameter("queued", ActionState.QUEUED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (toManual) {
            queued.forEach(this::mailToAdministrators);
            changed.effect(
                    queued.size() + " queued action(s) mailed to the administrators to apply by hand",
                    "settings.effect.manual|" + queued.size());
        } else {
            changed.effect(
                    queued.size() + " queued action(s) now leasable by a bridge",
                    "settings.effect.bridge|" + queued.size());
        }
    }

    private void supersedeQueued(String key, Instant now) {
        em.createQuery(
                        "SELECT a FROM UserLockAction a WHERE a.accountKey = :key AND a.state = :queued",
                        UserLockAction.class)
                .setParameter("key", key)
                .setParameter("queued", ActionState.QUEUED)
                .getResultList()
                .forEach(a -> a.supersede(now));
    }

    private boolean leased(String key) {
        return !em.createQuery("SELECT a.id FROM UserLockAction a WHERE a.accountKey = :key AND a.state = :leased")
                .setParameter("key", key)
                .setParameter("leased", ActionState.LEASED)
                .getResultList()
                .isEmpty();
    }

    /** sAMAccountName -> DOMAIN\sAMAccountName (an account that already names its domain is kept). */
    String qualified(String account) {
        return account.contains("\\") ? account : domain + "\\" + account;
    }

    /**
     * Leases up to {@code max} due actions to {@code bridge} for {@code lease}, oldest first: queued ones whose time
     * has come, and leased ones whose lease ran out (a bridge that crashed). Rows another bridge is leasing at this
     * moment are skipped, never waited for.
     */
    @SuppressWarnings("unchecked")
    public List<LeasedAction> lease(String bridge, int max, Duration lease) {
        if (mode.manual()) {
            // Administrators apply the actions by hand: a bridge left running must not apply them a second time.
            return List.of();
        }
        Instant now = clock.instant();
        // Never an action whose account another bridge is still working on (nor two of one account in a batch): a
        // REMOVE must not overtake the APPLY before it, nor two bridges change one account at once.
        List<Number> ids = em.createNativeQuery("SELECT a.id FROM userlock_action a WHERE ((a.state = 'QUEUED' AND"
                        + " a.due_at <= ?) OR (a.state = 'LEASED' AND a.lease_expires_at <= ?)) AND NOT EXISTS"
                        + " (SELECT 1 FROM userlock_action o WHERE o.account_key = a.account_key AND o.id <> a.id"
                        + " AND o.state = 'LEASED' AND o.lease_expires_at > ?) ORDER BY a.due_at, a.id FETCH FIRST "
                        + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now))
                .getResultList();
        List<LeasedAction> leased = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Number id : ids) {
            UserLockAction action = em.find(UserLockAction.class, id.longValue());
            em.refresh(action);
            if (!keys.add(action.accountKey())) {
                continue;
            }
            String previousHolder = action.state() == ActionState.LEASED ? action.leaseHolder() : null;
            action.lease(token(), bridge, now.plus(lease), now);
            if (action.type() == ActionType.APPLY) {
                progress.applying(AccountPlan.ids(action.requestIds()), "leased by bridge " + bridge);
            }
            auditLog.append(AuditRecord.system(
                            "connector",
                            "action.leased",
                            "action " + action.id(),
                            "attempt " + action.attempt() + " leased by bridge " + bridge
                                    + (previousHolder == null ? "" : " (the lease of " + previousHolder + " ran out)"))
                    .about(concerning(action)));
            UserLockAccount account = em.find(UserLockAccount.class, action.accountKey());
            leased.add(new LeasedAction(
                    action.id(),
                    action.leaseToken(),
                    action.leaseExpiresAt(),
                    action.type().name(),
                    action.attempt(),
                    action.account(),
                    action.accountKey(),
                    account == null ? null : account.userLockId(),
                    action.windowStart(),
                    action.windowEnd(),
                    action.hasPrevious() ? action.previousStart() : null,
                    action.hasPrevious() ? action.previousEnd() : null,
                    action.sessionTypes().isEmpty()
                            ? List.of()
                            : List.of(action.sessionTypes().split(",")),
                    overtimeAction(),
                    List.copyOf(AccountPlan.ids(action.requestIds()))));
        }
        return leased;
    }

    /**
     * Records a bridge's report on an action it leased. Anything but the action's current lease (it ran out and
     * another bridge leased it, or the outcome was already reported) is a conflict and changes nothing.
     */
    public ReportOutcome report(long id, String bridge, ActionReport report) {
        UserLockAction action = em.find(UserLockAction.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (action == null) {
            return ReportOutcome.NOT_FOUND;
        }
        if (action.state() != ActionState.LEASED
                || action.leaseToken() == null
                || !java.security.MessageDigest.isEqual(
                        action.leaseToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        report.lease().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return ReportOutcome.CONFLICT;
        }
        record(action, "bridge " + bridge, null, report);
        return ReportOutcome.RECORDED;
    }

    /**
     * An administrator's confirmation of an action they applied by hand (manual mode, {@code admin/action.xhtml}):
     * recorded exactly like a bridge's report on it, audited with the administrator as actor. Only a queued action
     * (or one whose bridge lease ran out) can be confirmed; anything else is a conflict and changes nothing.
     */
    public ReportOutcome confirm(long id, String administrator, ActionReport report) {
        UserLockAction action = em.find(UserLockAction.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (action == null) {
            return ReportOutcome.NOT_FOUND;
        }
        Instant now = clock.instant();
        boolean open = action.state() == ActionState.QUEUED
                || (action.state() == ActionState.LEASED
                        && !action.leaseExpiresAt().isAfter(now));
        if (!open) {
            return ReportOutcome.CONFLICT;
        }
        // The attempt counts like a bridge's: a lease held by the administrator for the time of this transaction.
        action.lease(token(), "manual:" + administrator, now, now);
        record(action, "administrator " + administrator, administrator, report);
        return ReportOutcome.RECORDED;
    }

    /** The action and the commands to apply it by hand, or empty when there is no such action. */
    public java.util.Optional<ManualAction> manual(long id) {
        return java.util.Optional.ofNullable(em.find(UserLockAction.class, id)).map(this::manual);
    }

    private ManualAction manual(UserLockAction action) {
        List<String> commands = List.of();
        String problem = null;
        try {
            commands = ManualCommands.render(
                    ManualMapping.action(
                            action.type(),
                            action.account(),
                            action.accountKey(),
                            action.windowStart(),
                            action.windowEnd(),
                            action.hasPrevious() ? action.previousStart() : null,
                            action.hasPrevious() ? action.previousEnd() : null,
                            action.sessionTypes(),
                            overtimeAction(),
                            userLockZone),
                    manualServer());
        } catch (IllegalArgumentException e) {
            // A value that cannot be written as a safe literal: no commands at all rather than unsafe ones.
            problem = e.getMessage();
        }
        Instant now = clock.instant();
        return new ManualAction(
                action.id(),
                action.type().name(),
                action.state().name(),
                action.account(),
                action.accountKey(),
                action.windowStart(),
                action.windowEnd(),
                action.attempt(),
                action.lastError(),
                List.copyOf(AccountPlan.ids(action.requestIds())),
                commands,
                problem,
                action.state() == ActionState.QUEUED
                        || (action.state() == ActionState.LEASED
                                && !action.leaseExpiresAt().isAfter(now)));
    }

    /** Records an outcome; {@code administrator} is null for a bridge, else the audit's actor. */
    private void record(UserLockAction action, String by, String administrator, ActionReport report) {
        long id = action.id();
        Instant now = clock.instant();
        UserLockAccount account = em.find(UserLockAccount.class, action.accountKey(), LockModeType.PESSIMISTIC_WRITE);
        if (report.succeeded()) {
            action.succeeded(report.userLockId(), report.log(), now);
            if (action.type() == ActionType.APPLY) {
                if (account != null) {
                    account.confirmed(action.windowStart(), action.windowEnd(), report.userLockId(), now);
                }
                progress.confirmed(AccountPlan.ids(action.requestIds()), "applied in UserLock by " + by);
            } else if (account != null) {
                account.confirmed(Instant.EPOCH, Instant.EPOCH, null, now);
            }
            auditLog.append(audit(
                            administrator,
                            "action.succeeded",
                            "action " + id,
                            action.type() + " " + action.accountKey() + " confirmed by " + by
                                    + (report.userLockId() == null ? "" : " (UserLock id " + report.userLockId() + ")")
                                    + (report.hours() == null ? "" : ", effective: " + report.hours()))
                    .about(concerning(action)));
            return;
        }
        boolean giveUp = !report.retryable() || action.attempt() >= retryMaxAttempts;
        action.failed(report.error(), giveUp ? null : now.plus(backoff(action.attempt())), now);
        auditLog.append(audit(
                        administrator,
                        giveUp ? "action.dead" : "action.failed",
                        "action " + id,
                        "attempt " + action.attempt() + " failed on " + by
                                + (giveUp ? ", given up" : ", retried at " + action.dueAt()) + ": " + report.error())
                .about(concerning(action)));
        if (giveUp) {
            giveUp(action);
        }
    }

    /**
     * Whom an action concerns, and the request it is for: the first of its requests when it carries several (its
     * details list them all), so the action shows in that request's timeline.
     */
    private static Concerning concerning(UserLockAction action) {
        String ids = action.requestIds();
        Long first = null;
        if (ids != null && !ids.isBlank()) {
            try {
                first = Long.valueOf(ids.split(",")[0].strip());
            } catch (NumberFormatException e) {
                first = null; // a malformed list still names the person
            }
        }
        return new Concerning(first, action.requesterGuid(), action.account());
    }

    private static AuditRecord audit(String administrator, String what, String subject, String details) {
        return administrator == null
                ? AuditRecord.system("connector", what, subject, details)
                : new AuditRecord(ActorType.PERSON, administrator, what, subject, details);
    }

    private void giveUp(UserLockAction action) {
        if (action.type() == ActionType.APPLY) {
            progress.failed(AccountPlan.ids(action.requestIds()), action.lastError());
        }
        dead.fire(new ActionDead(
                action.id(),
                action.type().name(),
                action.account(),
                action.accountKey(),
                List.copyOf(AccountPlan.ids(action.requestIds())),
                action.attempt(),
                action.lastError()));
    }

    /** retry-base after the first failure, then twice as long each time, at most retry-max-delay. */
    Duration backoff(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }

    /** An administrator's "Retry now" on a dead action: due at once, a fresh series of attempts; audited. */
    public boolean retry(long id, String administrator) {
        UserLockAction action = em.find(UserLockAction.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (action == null || action.state() != ActionState.DEAD) {
            return false;
        }
        action.retry(clock.instant());
        auditLog.append(new AuditRecord(
                        ActorType.PERSON, administrator, "action.retry", "action " + id, "DEAD -> QUEUED: retry now")
                .about(concerning(action)));
        return true;
    }

    /** Records that {@code bridge} called now ("last seen"). */
    public void seen(String bridge) {
        Instant now = clock.instant();
        int updated = em.createNativeQuery("UPDATE userlock_bridge SET last_seen = ? WHERE name = ?")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, bridge)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO userlock_bridge (name, last_seen, inventory_at, inventory_count)"
                            + " VALUES (?, ?, ?, 0)")
                    .setParameter(1, bridge)
                    .setParameter(2, Timestamp.from(now))
                    .setParameter(3, Timestamp.from(Instant.EPOCH))
                    .executeUpdate();
        }
    }

    /** Replaces {@code bridge}'s last inventory with this one. */
    public void inventory(String bridge, Instant takenAt, List<InventoryEntry> accounts) {
        seen(bridge);
        em.createNativeQuery("DELETE FROM userlock_inventory WHERE bridge = ?")
                .setParameter(1, bridge)
                .executeUpdate();
        int position = 0;
        for (InventoryEntry entry : accounts) {
            em.createNativeQuery("INSERT INTO userlock_inventory (bridge, position, account, account_key, userlock_id,"
                            + " start_at, end_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, bridge)
                    .setParameter(2, position++)
                    .setParameter(3, entry.account())
                    .setParameter(4, entry.accountKey() == null ? "" : entry.accountKey())
                    .setParameter(5, entry.userLockId() == null ? "" : entry.userLockId())
                    .setParameter(6, Timestamp.from(entry.start()))
                    .setParameter(7, Timestamp.from(entry.end()))
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE userlock_bridge SET inventory_at = ?, inventory_count = ? WHERE name = ?")
                .setParameter(1, Timestamp.from(takenAt))
                .setParameter(2, accounts.size())
                .setParameter(3, bridge)
                .executeUpdate();
    }

    /** The actions in {@code state} (all when null), newest first, at most {@code max}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionSummary> actions(ActionState state, Long requestId, int max) {
        String where = state == null ? "" : " WHERE a.state = :state";
        var query =
                em.createQuery("SELECT a FROM UserLockAction a" + where + " ORDER BY a.id DESC", UserLockAction.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.setMaxResults(requestId == null ? max : 1000).getResultList().stream()
                .filter(a ->
                        requestId == null || AccountPlan.ids(a.requestIds()).contains(requestId))
                .limit(max)
                .map(a -> new ActionSummary(
                        a.id(),
                        a.type().name(),
                        a.state().name(),
                        a.account(),
                        a.accountKey(),
                        a.windowStart(),
                        a.windowEnd(),
                        a.requestIds(),
                        a.attempt(),
                        a.dueAt(),
                        a.leaseHolder(),
                        a.leaseExpiresAt(),
                        a.lastError(),
                        a.updatedAt()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BridgeSummary> bridges() {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT name, last_seen, inventory_at, inventory_count FROM userlock_bridge ORDER BY name")
                .getResultList();
        return rows.stream()
                .map(r -> new BridgeSummary((String) r[0], instant(r[1]), instant(r[2]), ((Number) r[3]).intValue()))
                .toList();
    }

    /**
     * The drift between the accounts the portal applied (and that have not ended) and the bridges' last inventories:
     * empty while no bridge has reported one.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Drift> drift() {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT account, account_key, start_at, end_at FROM userlock_inventory ORDER BY bridge, position")
                .getResultList();
        if (rows.isEmpty() && bridges().stream().allMatch(b -> Instant.EPOCH.equals(b.inventoryAt()))) {
            return List.of();
        }
        Map<String, Object[]> found = new java.util.LinkedHashMap<>();
        rows.forEach(r -> found.putIfAbsent((String) r[1], r));
        Instant now = clock.instant();
        List<UserLockAccount> applied = em.createQuery(
                        "SELECT a FROM UserLockAccount a WHERE a.appliedEnd > :now ORDER BY a.accountKey",
                        UserLockAccount.class)
                .setParameter("now", now)
                .getResultList();
        List<Drift> drift = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        em.createQuery("SELECT a.accountKey FROM UserLockAccount a", String.class)
                .getResultList()
                .forEach(known::add);
        for (UserLockAccount account : applied) {
            String expected = account.appliedStart() + " to " + account.appliedEnd();
            Object[] row = found.get(account.accountKey());
            if (row == null) {
                drift.add(new Drift("MISSING", account.account(), account.accountKey(), expected, null));
            } else if (!instant(row[2]).equals(account.appliedStart())
                    || !instant(row[3]).equals(account.appliedEnd())) {
                drift.add(new Drift(
                        "CHANGED",
                        account.account(),
                        account.accountKey(),
                        expected,
                        instant(row[2]) + " to " + instant(row[3])));
            }
        }
        for (Object[] row : found.values()) {
            String key = (String) row[1];
            if (key != null && key.startsWith("AH-") && !known.contains(key)) {
                drift.add(new Drift("UNKNOWN", (String) row[0], key, null, instant(row[2]) + " to " + instant(row[3])));
            }
        }
        return drift;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return (Instant) value;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /* Values an administrator may change on the Settings page, read through Settings on every use. */

    private String overtimeAction() {
        return settings == null ? overtimeAction : settings.value("afterhours.connector.overtime-action");
    }

    private String manualServer() {
        return settings == null ? manualServer : settings.value("afterhours.connector.manual-server");
    }
}
