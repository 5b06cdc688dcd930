package io.afterhours.audit.control;

import io.afterhours.audit.entity.ActorType;
import io.afterhours.audit.entity.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous hash and the entry's canonical bytes. Each field is length-prefixed, so
 * no two different entries share canonical bytes by moving text between fields. The fields added later (whom and
 * which request an entry concerns, V14) are appended only when any of them is set, so every entry written before
 * them keeps its exact hash while an edit of the new columns still breaks the chain.
 */
public final class AuditHashing {

    public static final String GENESIS = "0".repeat(64);

    private AuditHashing() {}

    /** The hash an entry must carry: from its own previous hash and fields (what append seals and verify checks). */
    public static String of(AuditEntry entry) {
        return hash(
                entry.previousHash(),
                entry.seq(),
                entry.occurredAt(),
                entry.actorType(),
                entry.actor(),
                entry.action(),
                entry.subject(),
                entry.details(),
                entry.requestId(),
                entry.personGuid(),
                entry.personAccount());
    }

    /** The hash of an entry about no person or request (the form of every entry written before V14). */
    public static String hash(
            String previousHash,
            long seq,
            Instant occurredAt,
            ActorType actorType,
            String actor,
            String action,
            String subject,
            String details) {
        return hash(previousHash, seq, occurredAt, actorType, actor, action, subject, details, null, null, null);
    }

    public static String hash(
            String previousHash,
            long seq,
            Instant occurredAt,
            ActorType actorType,
            String actor,
            String action,
            String subject,
            String details,
            Long requestId,
            String personGuid,
            String personAccount) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {
            previousHash, Long.toString(seq), occurredAt.toString(), actorType.name(), actor, action, subject, details
        }) {
            append(canonical, field);
        }
        if (requestId != null || personGuid != null || personAccount != null) {
            append(canonical, requestId == null ? null : requestId.toString());
            append(canonical, personGuid);
            append(canonical, personAccount);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void append(StringBuilder canonical, String field) {
        String value = field == null ? "" : field;
        canonical
                .append(field == null ? -1 : value.length())
                .append(':')
                .append(value)
                .append('|');
    }
}
