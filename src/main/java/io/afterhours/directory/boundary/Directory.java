package io.afterhours.directory.boundary;

import io.afterhours.directory.control.AccountName;
import io.afterhours.directory.control.DemoDirectoryServer;
import io.afterhours.directory.control.DirectorySettings;
import io.afterhours.directory.control.LdapDirectory;
import io.afterhours.directory.control.ManagerChain;
import io.afterhours.platform.boundary.Roles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The directory for the rest of the portal: find a person by the name UserLock or a sign-in form gives, by DN, and
 * resolve who approves for them. Lookups are cached for {@code afterhours.directory.cache-ttl}, so a manager change in
 * AD is seen within that time (P13); failures are not cached. In demo mode it starts the in-memory demo directory
 * itself and refuses to start if a real directory URL is configured, so a demo can never be pointed at production.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());
    /** More direct reports than this is a directory problem (or a department, not a team); screens show this many. */
    static final int MAX_TEAM = 500;

    private static final int MAX_CACHED = 10_000;

    LdapDirectory ldap;
    Duration cacheTtl;
    String fallbackGroup;
    String adminGroup;
    String auditorGroup;
    boolean demoMode;
    String demoPassword;
    int maxManagerHops;
    Clock clock = Clock.systemUTC();
    private DemoDirectoryServer demo;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Reads the settings and, in demo mode, starts the demo directory; called once, on first use. */
    synchronized void open() {
        if (ldap != null) {
            return;
        }
        open(ConfigProvider.getConfig(Directory.class.getClassLoader()));
    }

    void open(Config config) {
        String mode = config.getValue("afterhours.directory.mode", String.class).toLowerCase(Locale.ROOT);
        Optional<String> url = config.getOptionalValue("afterhours.directory.url", String.class);
        Duration connect = config.getValue("afterhours.directory.connect-timeout", Duration.class);
        Duration read = config.getValue("afterhours.directory.read-timeout", Duration.class);
        cacheTtl = config.getValue("afterhours.directory.cache-ttl", Duration.class);
        fallbackGroup = config.getValue("afterhours.directory.fallback-approver-group", String.class);
        adminGroup = config.getValue("afterhours.directory.admin-group", String.class);
        auditorGroup = config.getValue("afterhours.directory.auditor-group", String.class);
        maxManagerHops = 5;
        DirectorySettings settings;
        demoMode = mode.equals("demo");
        if (demoMode) {
            if (url.isPresent()) {
                throw new IllegalStateException(
                        "afterhours.directory.mode is demo but afterhours.directory.url is set: "
                                + "demo mode never runs against a real directory. Set AFTERHOURS_DIRECTORY_MODE=ldap.");
            }
            // The demo's service account password: random unless configured (tests set it to edit the demo directory).
            String servicePassword = config.getOptionalValue("afterhours.directory.bind-password", String.class)
                    .orElseGet(() -> java.util.UUID.randomUUID().toString());
            demoPassword = config.getValue("afterhours.directory.demo-password", String.class);
            demo = DemoDirectoryServer.start(
                    config.getValue("afterhours.directory.demo-port", Integer.class), demoPassword, servicePassword);
            LOG.info(() -> "Demo directory listening on " + demo.url());
            settings = new DirectorySettings(
                    demo.url(),
                    Optional.of(DemoDirectoryServer.SERVICE_DN),
                    Optional.of(servicePassword),
                    DemoDirectoryServer.USER_BASE,
                    "sAMAccountName",
                    connect,
                    read,
                    maxManagerHops,
                    languageAttribute(config));
        } else if (mode.equals("ldap")) {
            settings = new DirectorySettings(
                    url.orElseThrow(
                            () -> new IllegalStateException("afterhours.directory.url is required in ldap mode")),
                    config.getOptionalValue("afterhours.directory.bind-dn", String.class),
                    config.getOptionalValue("afterhours.directory.bind-password", String.class),
                    config.getValue("afterhours.directory.user-base", String.class),
                    config.getValue("afterhours.directory.account-attribute", String.class),
                    connect,
                    read,
                    maxManagerHops,
                    languageAttribute(config));
        } else {
            throw new IllegalStateException("afterhours.directory.mode must be demo or ldap, not " + mode);
        }
        ldap = new LdapDirectory(settings);
    }

    private static String languageAttribute(Config config) {
        return config.getOptionalValue("afterhours.directory.language-attribute", String.class)
                .orElse(null);
    }

    public Optional<DirectoryPerson> findByAccount(String name) {
        AccountName account = AccountName.parse(name);
        return cached("account:" + account, () -> ldap().findByAccount(account));
    }

    public Optional<DirectoryPerson> findByDn(String dn) {
        return cached("dn:" + dn, () -> ldap().findByDn(dn));
    }

    public Optional<DirectoryPerson> findByGuid(java.util.UUID guid) {
        return cached("guid:" + guid, () -> ldap().findByGuid(guid));
    }

    /** The people who name this person as their manager, by display name; bounded, for screens. */
    public java.util.List<DirectoryPerson> directReports(DirectoryPerson manager) {
        return cached("reports:" + manager.guid(), () -> ldap().directReports(manager.dn(), MAX_TEAM));
    }

    /** The enabled members of a group, by its name (at most 100): whom a mail to "the fallback group" goes to. */
    public java.util.List<DirectoryPerson> members(String group) {
        return cached("members:" + group.toLowerCase(Locale.ROOT), () -> ldap().members(group, 100));
    }

    /** Whether the directory has a group of this name (its cn), asked each time: for checking what an administrator types. */
    public boolean groupExists(String group) {
        return ldap().groupExists(group);
    }

    /** The configured administrators' group. */
    public String adminGroup() {
        ldap();
        return adminGroup;
    }

    /** The configured auditors' group. */
    public String auditorGroup() {
        ldap();
        return auditorGroup;
    }

    /** Up to {@code limit} enabled people whose account, name or mail starts with the text; not cached. */
    public java.util.List<DirectoryPerson> find(String text, int limit) {
        return ldap().find(text, limit);
    }

    public ApproverResolution resolveApprover(DirectoryPerson person) {
        ldap();
        return ManagerChain.resolve(person, this::findByDn, fallbackGroup, maxManagerHops);
    }

    /** The configured group whose members decide when the directory names no usable manager. */
    public String fallbackApproverGroup() {
        ldap();
        return fallbackGroup;
    }

    /** Checks a person's password against the directory; never cached. */
    public boolean passwordMatches(DirectoryPerson person, String password) {
        return ldap().passwordMatches(person.dn(), password);
    }

    /**
     * The portal roles a person holds now: everyone is an employee; managers have direct reports in the directory
     * (delegations add to this with issue 4); administrators and auditors come from the configured groups.
     */
    public java.util.Set<String> rolesOf(DirectoryPerson person) {
        ldap();
        java.util.Set<String> roles = new java.util.TreeSet<>();
        roles.add(Roles.EMPLOYEE);
        if (ldap().hasDirectReports(person.dn())) {
            roles.add(Roles.MANAGER);
        }
        if (person.isMemberOf(adminGroup)) {
            roles.add(Roles.ADMINISTRATOR);
        }
        if (person.isMemberOf(auditorGroup)) {
            roles.add(Roles.AUDITOR);
        }
        return roles;
    }

    /** Demo mode only: the demo accounts to list on the sign-in page; empty with a real directory. */
    public java.util.List<DirectoryPerson> demoAccounts() {
        ldap();
        return demoMode ? ldap().people(100) : java.util.List.of();
    }

    /** The shared password of the demo accounts; empty outside demo mode, so it can never be shown in production. */
    public String demoPassword() {
        ldap();
        return demoMode ? demoPassword : "";
    }

    /** Demo mode only: where the demo directory listens (for tests and for a curious administrator); else empty. */
    public Optional<String> demoUrl() {
        ldap();
        return demo == null ? Optional.empty() : Optional.of(demo.url());
    }

    public boolean isDemo() {
        ldap();
        return demoMode;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> lookup) {
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return (T) hit.value();
        }
        T found = lookup.get();
        if (cache.size() >= MAX_CACHED) {
            // Sign-in attempts with made-up names must not grow the cache without bound.
            cache.values().removeIf(entry -> !entry.until().isAfter(now));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, new Cached(found, now.plus(cacheTtl)));
        return found;
    }

    private LdapDirectory ldap() {
        if (ldap == null) {
            open();
        }
        return ldap;
    }

    @PreDestroy
    synchronized void close() {
        if (ldap != null) {
            ldap.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    private record Cached(Object value, Instant until) {}
}
