package io.afterhours.intake.control;

import io.afterhours.intake.boundary.UserLockIds;
import io.afterhours.intake.boundary.UserLockIds.AcceptedId;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LastSeen;
import io.afterhours.platform.control.PortalCopy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The accepted UserLock IDs (UserLock's {@code ServerGuid}): Primary, Backup and, during a rotation, the previous
 * generation. IDs are compared after normalising ASCII case and one pair of surrounding braces, never trimming
 * whitespace or folding other letters, and in constant time: every configured ID is compared, each through
 * {@link MessageDigest#isEqual} over SHA-256 digests, so neither the position of the first wrong character nor the
 * length of the guess shows in the time taken (reliability.md B9, B10). The IDs themselves are never logged.
 *
 * <p>Two sources, both accepted: the operator's IDs from configuration (pinned: only the operator retires them), and
 * the IDs administrators enter on the UserLock IDs page, held here as digests and reloaded every
 * {@code afterhours.settings.refresh} and after a change on this instance. An outgoing portal ID is accepted as
 * {@link ServerSlot#PREVIOUS} until its overlap ends, judged against the clock at each match, not at the next reload.
 * When each ID was last seen is kept in memory and written every {@code afterhours.userlock.last-seen-flush}, so the
 * webhook never writes for it.
 */
@ApplicationScoped
public class UserLockIdWhitelist {

    private static final Logger LOG = Logger.getLogger(UserLockIdWhitelist.class.getName());
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    @ConfigProperty(name = "afterhours.userlock.id.primary")
    Optional<String> primary;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.id.backup")
    Optional<String> backup;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.id.previous")
    Optional<String> previous;

    @Inject
    Clock clock = Clock.systemUTC();

    /** Absent in unit tests that build the whitelist by hand: only the configured IDs count then. */
    @Inject
    UserLockIds portalIds;

    @Inject
    @ConfigProperty(name = "afterhours.settings.refresh")
    Duration refresh;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.last-seen-flush")
    Duration flushEvery;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<ServerSlot, byte[]> accepted = new EnumMap<>(ServerSlot.class);
    private final Map<ServerSlot, String> hints = new EnumMap<>(ServerSlot.class);
    private volatile List<Managed> managed = List.of();
    /** Last seen of the configured IDs, by slot: this instance's memory only. */
    private final LastSeen<ServerSlot> configuredSeen = new LastSeen<>();
    /** Last seen of the portal IDs, by row id: flushed to {@code userlock_id.last_seen_at}. */
    private final LastSeen<Long> portalSeen = new LastSeen<>();

    private final PortalCopy portalCopy = new PortalCopy(
            LOG,
            "Portal UserLock IDs kept as they were: {0}",
            this::reload,
            "UserLock IDs' last-seen times not written: {0}",
            this::flush);

    /** A portal-managed ID as this whitelist compares it. */
    record Managed(long id, ServerSlot slot, byte[] digest, Instant retiresAt) {}

    @PostConstruct
    void load() {
        register(ServerSlot.PRIMARY, primary);
        register(ServerSlot.BACKUP, backup);
        register(ServerSlot.PREVIOUS, previous);
        if (accepted.isEmpty()) {
            LOG.warning("No UserLock ID is configured (afterhours.userlock.id.primary): until an administrator enters"
                    + " one on the UserLock IDs page, every notification will be refused with 401.");
        }
    }

    void start(@Observes SchemaReady ready) {
        portalCopy.start(scheduler, refresh, flushEvery);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserLockIds.Changed changed) {
        portalCopy.reloadNow();
    }

    @PreDestroy
    void stop() {
        portalCopy.stop();
    }

    /** Reads the portal's IDs again; if the database does not answer, the job keeps what it had. */
    private void reload() {
        if (portalIds == null) {
            return;
        }
        List<Managed> fresh = new ArrayList<>();
        for (AcceptedId id : portalIds.accepted()) {
            fresh.add(new Managed(
                    id.id(), ServerSlot.valueOf(id.slot()), HexFormat.of().parseHex(id.digest()), id.retiresAt()));
        }
        use(fresh);
    }

    /** Replaces the portal IDs this whitelist accepts. */
    void use(List<Managed> ids) {
        managed = List.copyOf(ids);
    }

    /** Writes when the portal IDs were last seen; a failed write is retried with the next flush. */
    private void flush() {
        if (portalIds != null) {
            portalSeen.flush(portalIds::recordLastSeen);
        }
    }

    private void register(ServerSlot slot, Optional<String> id) {
        id.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(value -> {
            String normalised = normalise(value);
            if (!GUID.matcher(normalised).matches()) {
                LOG.warning(() -> "The configured UserLock ID for " + slot.tag()
                        + " does not look like a GUID; UserLock sends its ServerGuid.");
            }
            accepted.put(slot, digest(normalised));
            hints.put(slot, hint(normalised));
        });
    }

    /**
     * The slot whose ID matches, if any. The loop visits every slot whatever matched, so timing does not tell a
     * Backup ID from a Primary one, nor a near miss from a wild guess.
     */
    public Optional<ServerSlot> match(String presented) {
        byte[] candidate = digest(normalise(presented));
        ServerSlot found = null;
        ServerSlot configured = null;
        Managed portal = null;
        for (Map.Entry<ServerSlot, byte[]> entry : accepted.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), candidate) && found == null) {
                found = entry.getKey();
                configured = found;
            }
        }
        Instant now = clock.instant();
        for (Managed id : managed) {
            boolean live = id.retiresAt() == null || now.isBefore(id.retiresAt());
            if (MessageDigest.isEqual(id.digest(), candidate) && live && found == null) {
                found = id.retiresAt() == null ? id.slot() : ServerSlot.PREVIOUS;
                portal = id;
            }
        }
        if (configured != null) {
            configuredSeen.seen(configured, now);
        } else if (portal != null) {
            portalSeen.seen(portal.id(), now);
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code id} is one of the operator's configured IDs; unlike {@link #match}, records nothing. */
    public boolean isConfiguredId(String id) {
        byte[] candidate = digest(normalise(id));
        boolean found = false;
        for (byte[] configured : accepted.values()) {
            found |= MessageDigest.isEqual(configured, candidate);
        }
        return found;
    }

    public boolean isConfigured() {
        return !accepted.isEmpty() || !managed.isEmpty();
    }

    /** The last four characters of the configured ID of each slot, to tell it apart on the page. */
    public Map<ServerSlot, String> configuredHints() {
        return Map.copyOf(hints);
    }

    /** When this instance last saw the configured ID of {@code slot}, if it did. */
    public Optional<Instant> lastSeen(ServerSlot slot) {
        return configuredSeen.get(slot);
    }

    /** When this instance last saw the portal ID with this row id, if it did (newer than what is stored). */
    public Optional<Instant> lastSeen(long portalId) {
        return portalSeen.get(portalId);
    }

    /** The hex SHA-256 of a normalised ID: what the portal stores instead of the ID. */
    public static String digestHex(String id) {
        return HexFormat.of().formatHex(digest(normalise(id)));
    }

    /** Whether the ID, normalised, is a GUID, which every UserLock ServerGuid is. */
    public static boolean looksLikeGuid(String id) {
        return GUID.matcher(normalise(id)).matches();
    }

    /** The last four characters of the normalised ID: enough to tell IDs apart, useless to guess one. */
    public static String hint(String id) {
        String normalised = normalise(id);
        return normalised.substring(Math.max(0, normalised.length() - 4));
    }

    /** Lower-cases ASCII letters only and drops one pair of surrounding braces, as in {@code {GUID}}. */
    static String normalise(String id) {
        String value = id;
        if (value.length() >= 2 && value.charAt(0) == '{' && value.charAt(value.length() - 1) == '}') {
            value = value.substring(1, value.length() - 1);
        }
        return io.afterhours.intake.control.StrictJson.foldCase(value);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
