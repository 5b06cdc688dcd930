package io.afterhours.audit.control;

import io.afterhours.audit.entity.ActorType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous hash and the entry's canonical bytes. Each field is length-prefixed, so
 * no two different entries share canonical bytes by moving text between fields.
 */
public final class AuditHashing {

    public static final String GENESIS = "0".repeat(64);

    private AuditHashing() {}

    public static String hash(
            String previousHash,
            long seq,
            Instant occurredAt,
            ActorType actorType,
            String actor,
            String action,
            String subject,
            String details) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {
            previousHash, Long.toString(seq), occurredAt.toString(), actorType.name(), actor, action, subject, details
        }) {
            String value = field == null ? "" : field;
            canonical
                    .append(field == null ? -1 : value.length())
                    .append(':')
                    .append(value)
                    .append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
