package io.afterhours.intake.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
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

    private final Map<ServerSlot, byte[]> accepted = new EnumMap<>(ServerSlot.class);

    @PostConstruct
    void load() {
        register(ServerSlot.PRIMARY, primary);
        register(ServerSlot.BACKUP, backup);
        register(ServerSlot.PREVIOUS, previous);
        if (accepted.isEmpty()) {
            LOG.warning("No UserLock ID is configured (afterhours.userlock.id.primary): every notification will be "
                    + "refused with 401.");
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
        });
    }

    /**
     * The slot whose ID matches, if any. The loop visits every slot whatever matched, so timing does not tell a
     * Backup ID from a Primary one, nor a near miss from a wild guess.
     */
    public Optional<ServerSlot> match(String presented) {
        byte[] candidate = digest(normalise(presented));
        ServerSlot found = null;
        for (Map.Entry<ServerSlot, byte[]> entry : accepted.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), candidate) && found == null) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isConfigured() {
        return !accepted.isEmpty();
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
