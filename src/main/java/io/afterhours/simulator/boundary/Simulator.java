package io.afterhours.simulator.boundary;

import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.hours.boundary.WorkingTime;
import io.afterhours.hours.entity.SessionType;
import io.afterhours.simulator.control.Protection;
import io.afterhours.simulator.control.SimulatorMode;
import io.afterhours.simulator.control.TemporaryAccount;
import io.afterhours.simulator.control.Verdict;
import io.afterhours.simulator.control.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated UserLock server (demo and tests): the permanent group accounts are the working-hours policies, the
 * temporary user accounts are those the bridge protocol created (in memory, keyed by accountKey, as UserLock keeps
 * its own state). Logon attempts are evaluated with UserLock's rules and notified to the portal's webhook.
 */
@ApplicationScoped
@jakarta.inject.Named("userLockSimulator")
public class Simulator {

    /** UserLock's database codes (userlock.md 1.3), interactive family. */
    static final int LOGOFF = 0;

    static final int LOGON = 1;
    static final int DENIED = 4;

    @Inject
    WorkingTime workingTime;

    @Inject
    Directory directory;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.enabled")
    Optional<Boolean> configuredEnabled;

    @Inject
    @ConfigProperty(name = "afterhours.directory.mode")
    String directoryMode;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.webhook-url")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "afterhours.connector.domain")
    String domain;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.id.primary")
    Optional<String> primaryId;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.id.backup")
    Optional<String> backupId;

    private boolean enabled;
    private final Map<String, TemporaryAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger failNextApplies = new AtomicInteger();
    private volatile boolean useBackup;
    private volatile String learnedBase;

    @PostConstruct
    void check() {
        enabled = SimulatorMode.enabled(configuredEnabled, directoryMode);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Where notifications go: the configured webhook URL, else the portal's own. */
    public URI webhook() {
        return URI.create(webhookUrl.orElse(localBase() + "/api/userlock/notifications"));
    }

    /**
     * The portal as the simulator reaches it: the local listener the Try-it page was last served from (the tests'
     * server is not at afterhours.portal.url), else afterhours.portal.url.
     */
    public String localBase() {
        String learned = this.learnedBase;
        return learned != null ? learned : strip(portalUrl);
    }

    /** Remembers the local listener a page of this portal was served from, e.g. http://127.0.0.1:8080/ctx. */
    public void learnLocalBase(String base) {
        this.learnedBase = strip(base);
    }

    /**
     * A logon attempt of {@code account} (sAMAccountName) at {@code at}: evaluated, then notified as a denied logon
     * (EventType 4) or a logon (1).
     */
    public Attempt attemptLogon(String account, Instant at, SessionType type, String computer) {
        requireEnabled();
        Verdict verdict = evaluate(account, at, type);
        int eventType = verdict.allowed() ? LOGON : DENIED;
        return new Attempt(
                account, at, type.name(), verdict, eventType, notify(eventType, account, at, type, computer));
    }

    /** A logoff (EventType 0), always allowed. */
    public Attempt logoff(String account, Instant at, SessionType type, String computer) {
        requireEnabled();
        Verdict verdict = new Verdict(true, "—", "a logoff is never refused");
        return new Attempt(account, at, type.name(), verdict, LOGOFF, notify(LOGOFF, account, at, type, computer));
    }

    /** The verdict alone, without a notification. */
    public Verdict evaluate(String account, Instant at, SessionType type) {
        Optional<DirectoryPerson> person = directory.findByAccount(account);
        if (person.isEmpty()) {
            return new Verdict(false, "directory", "no such account: " + account);
        }
        Set<String> groups = person.get().groups();
        Protection.GroupHours hours = new Protection.GroupHours() {
            @Override
            public boolean authorises(Instant moment, SessionType sessionType) {
                return workingTime.isWorkingTime(groups, moment, sessionType.name(), null);
            }

            @Override
            public String describe() {
                return workingTime.normalHours(groups);
            }
        };
        return Protection.evaluate(at, type, temporaryAccountsOf(account), hours);
    }

    /** The temporary accounts of {@code account} (sAMAccountName, or DOMAIN\name), earliest first. */
    public List<TemporaryAccount> temporaryAccountsOf(String account) {
        String name = samName(account);
        return accounts.values().stream()
                .filter(a -> samName(a.account()).equalsIgnoreCase(name))
                .sorted(Comparator.comparing(TemporaryAccount::start))
                .toList();
    }

    public List<TemporaryAccount> temporaryAccounts() {
        return accounts.values().stream()
                .sorted(Comparator.comparing(TemporaryAccount::start))
                .toList();
    }

    /**
     * APPLY as the bridge does it: find the account by key and change it to the new window, else create it. Fails
     * (as a retryable UserLock error) while failures are asked for on the Try-it page.
     */
    public TemporaryAccount apply(
            String accountKey, String account, Instant start, Instant end, Set<SessionType> types) {
        if (failNextApplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Simulated UserLock failure (the Try-it page asked for failed applies)");
        }
        TemporaryAccount existing = accounts.get(accountKey);
        String userLockId = existing != null ? existing.userLockId() : "SIM-" + accountKey;
        TemporaryAccount applied = new TemporaryAccount(accountKey, account, userLockId, start, end, Set.copyOf(types));
        accounts.put(accountKey, applied);
        return applied;
    }

    /** REMOVE: deletes the account by key; removing one already gone is a success, as for the bridge. */
    public void remove(String accountKey) {
        accounts.remove(accountKey);
    }

    public void failNextApplies(int count) {
        failNextApplies.set(Math.max(0, count));
    }

    public int pendingFailures() {
        return failNextApplies.get();
    }

    /** Notifications come from the Backup server (its UserLock ID) instead of the Primary. */
    public void useBackup(boolean backup) {
        this.useBackup = backup;
    }

    public boolean usesBackup() {
        return useBackup;
    }

    private String notify(int eventType, String account, Instant at, SessionType type, String computer) {
        Optional<String> id = useBackup ? backupId : primaryId;
        if (id.isEmpty() || id.get().isBlank()) {
            return "not sent: no UserLock ID is configured for the " + (useBackup ? "Backup" : "Primary")
                    + " server (AFTERHOURS_USERLOCK_ID_" + (useBackup ? "BACKUP" : "PRIMARY") + ")";
        }
        Set<String> groups =
                directory.findByAccount(account).map(DirectoryPerson::groups).orElse(Set.of());
        try {
            int status = WebhookSender.send(
                    webhook(),
                    WebhookSender.payload(
                            eventType,
                            at.atZone(workingTime.enforcedZone(groups)).toOffsetDateTime(),
                            samName(account),
                            domain,
                            computer,
                            "10.0.0.42",
                            type.name(),
                            id.get().strip(),
                            useBackup ? "ULSRV02" : "ULSRV01"));
            return "sent to " + webhook() + ": HTTP " + status;
        } catch (java.io.IOException e) {
            return "not sent: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not sent: interrupted";
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("The UserLock simulator is off (afterhours.simulator.enabled)");
        }
    }

    static String samName(String account) {
        int slash = account.indexOf('\\');
        return (slash < 0 ? account : account.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
