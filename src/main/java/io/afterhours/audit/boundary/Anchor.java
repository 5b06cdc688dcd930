package io.afterhours.audit.boundary;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chain head as written outside the database (a log line, the anchor file, the digest mail): the entry
 * {@code seq} had the hash {@code hash} at {@code at}. {@code first} is the hash of entry 1, which names the chain: an
 * anchor of another chain (a database replaced by a fresh one) says nothing about this one. A later verification
 * that no longer finds entry {@code seq} with this hash proves the tail was cut or rewritten.
 */
public record Anchor(long seq, String hash, String first, Instant at) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LINE =
            Pattern.compile("AUDIT-ANCHOR seq=(\\d{1,18}) hash=([0-9a-f]{64}) first=([0-9a-f]{64}) at=(\\S+)");

    public Anchor {
        if (seq < 1) {
            throw new IllegalArgumentException("an anchor names an entry from 1 on, not " + seq);
        }
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("an anchor's hash is 64 hexadecimal characters");
        }
    }

    /** What an auditor pastes: the sequence number and hash of an anchor line (upper or lower case, trimmed). */
    public static Anchor pasted(long seq, String hash) {
        return new Anchor(seq, hash == null ? null : hash.strip().toLowerCase(Locale.ROOT), null, null);
    }

    /** The line written to the log and the anchor file; {@link #parse} reads it back. */
    public String line() {
        return "AUDIT-ANCHOR seq=" + seq + " hash=" + hash + " first=" + first + " at=" + at;
    }

    /** An anchor line, or empty for anything else (a torn last line after a crash, a foreign line). */
    public static Optional<Anchor> parse(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Anchor(Long.parseLong(m.group(1)), m.group(2), m.group(3), Instant.parse(m.group(4))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
