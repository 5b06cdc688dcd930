package io.afterhours.audit.control;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code audit.checkpoint} entry records when the retention purge deletes the oldest audit entries: every
 * entry up to {@code throughSeq} is gone on purpose, the last of them had the hash {@code throughHash} (so the first
 * entry kept must link to it) and the chain is still the one whose entry 1 had the hash {@code chainFirst} (so anchors
 * written before the purge still apply). The checkpoint is itself an entry of the chain, appended after the deletion:
 * editing it breaks the chain, and forging one means rewriting the chain up to the head, which the anchors catch.
 */
public record AuditCheckpoint(long throughSeq, String throughHash, String chainFirst) {

    public static final String ACTION = "audit.checkpoint";

    private static final Pattern DETAILS = Pattern.compile(
            "entries up to (\\d{1,18}) removed \\(older than \\S+\\); entry \\1 hash ([0-9a-f]{64}); chain ([0-9a-f]{64})");

    /** The entry's details; {@link #parse} reads them back. */
    public String details(Instant olderThan) {
        return "entries up to " + throughSeq + " removed (older than " + olderThan + "); entry " + throughSeq + " hash "
                + throughHash + "; chain " + chainFirst;
    }

    /** A checkpoint's details, or empty for any other text. */
    public static Optional<AuditCheckpoint> parse(String details) {
        Matcher m = DETAILS.matcher(details == null ? "" : details);
        return m.matches()
                ? Optional.of(new AuditCheckpoint(Long.parseLong(m.group(1)), m.group(2), m.group(3)))
                : Optional.empty();
    }
}
