package io.afterhours.connector.control;

import io.afterhours.connector.boundary.IssuedBridgeTokens;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LastSeen;
import io.afterhours.platform.control.PortalCopy;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bridge tokens from {@code AFTERHOURS_BRIDGE_TOKENS} (comma-separated, each at least 32 characters; several at
 * once so a token can be rotated with overlap). None configured: the bridge API is closed. The presented token is
 * compared with every configured one, through SHA-256 digests with {@link MessageDigest#isEqual}, so neither the
 * position of the first wrong character nor the length of a token shows in the time taken.
 *
 * <p>Tokens administrators create on the *Bridge tokens* page are accepted too: their digests are held in memory,
 * reloaded every {@code afterhours.settings.refresh} and after a change on this instance; when each was last used is
 * kept in memory and written every {@code afterhours.bridge.last-used-flush}.
 */
@ApplicationScoped
public class BridgeTokens {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(BridgeTokens.class.getName());

    private volatile List<byte[]> digests;
    private volatile int configuredCount;
    private volatile List<Issued> issued = List.of();
    private final LastSeen<Long> lastUsed = new LastSeen<>();
    private final PortalCopy portalCopy = new PortalCopy(
            LOG,
            "Portal bridge tokens kept as they were: {0}",
            this::reload,
            "Bridge tokens' last-used times not written: {0}",
            this::flush);

    /** Absent in unit tests built by hand: only the configured tokens count then. */
    @Inject
    IssuedBridgeTokens portalTokens;

    @Inject
    Clock clock = Clock.systemUTC();

    @Inject
    @ConfigProperty(name = "afterhours.settings.refresh")
    Duration refresh;

    @Inject
    @ConfigProperty(name = "afterhours.bridge.last-used-flush")
    Duration flushEvery;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** A token created in the portal, as compared here. */
    record Issued(long id, byte[] digest) {}

    BridgeTokens() {
        this.digests = List.of();
    }

    @Inject
    BridgeTokens(@ConfigProperty(name = "afterhours.bridge.tokens") Optional<String> configured) {
        this(configured.orElse(""));
    }

    BridgeTokens(String configured) {
        List<String> tokens = java.util.Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
        long tooShort = tokens.stream().filter(t -> t.length() < MIN_LENGTH).count();
        if (tooShort > 0) {
            LOG.log(Level.WARNING, "{0} bridge token(s) shorter than {1} characters are ignored", new Object[] {
                tooShort, MIN_LENGTH
            });
        }
        this.digests = tokens.stream()
                .filter(t -> t.length() >= MIN_LENGTH)
                .map(BridgeTokens::digest)
                .toList();
        this.configuredCount = this.digests.size();
    }

    void start(@Observes SchemaReady ready) {
        portalCopy.start(scheduler, refresh, flushEvery);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) IssuedBridgeTokens.Changed changed) {
        portalCopy.reloadNow();
    }

    @PreDestroy
    void stop() {
        portalCopy.stop();
    }

    /** Reads the portal's tokens again; on failure the job keeps what it had. */
    private void reload() {
        if (portalTokens == null) {
            return;
        }
        use(portalTokens.accepted().entrySet().stream()
                .map(e -> new Issued(e.getKey(), HexFormat.of().parseHex(e.getValue())))
                .toList());
    }

    void use(List<Issued> tokens) {
        issued = List.copyOf(tokens);
    }

    /** Writes when the portal tokens were last used; a failed write is retried with the next flush. */
    private void flush() {
        if (portalTokens != null) {
            lastUsed.flush(portalTokens::recordLastUsed);
        }
    }

    /**
     * Also accepts {@code token}: for the UserLock simulator's generated token only, which exists in demo mode only
     * (simulator.control.SimulatorMode refuses to start it with a real directory). Never configured, never logged.
     */
    public synchronized void acceptAlso(String token) {
        List<byte[]> more = new java.util.ArrayList<>(digests);
        more.add(digest(token));
        digests = List.copyOf(more);
    }

    /** Whether {@code Authorization} carries one of the configured tokens as a Bearer token. */
    public boolean accepts(String authorization) {
        if ((digests.isEmpty() && issued.isEmpty())
                || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = digest(authorization.substring(7).strip());
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, presented);
        }
        Issued used = null;
        for (Issued token : issued) {
            if (MessageDigest.isEqual(token.digest(), presented) && used == null) {
                used = token;
            }
        }
        if (used != null) {
            lastUsed.seen(used.id(), clock.instant());
        }
        return match || used != null;
    }

    /** When this instance last accepted the portal token with this id, if it did. */
    public Optional<Instant> lastUsed(long id) {
        return lastUsed.get(id);
    }

    /** How many tokens {@code AFTERHOURS_BRIDGE_TOKENS} holds (the page says how many, never which). */
    public int configuredCount() {
        return configuredCount;
    }

    /** The hex SHA-256 of a token: what the portal stores instead of it. */
    public static String digestHex(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
