package io.afterhours.platform.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When each of some things (a UserLock ID, a bridge token) was last seen, kept in memory so that a hot path records it
 * with at most one map write per key and second, and written to the database in batches by a periodic flush. A flush
 * that fails hands its batch back, so the next one writes it.
 */
public final class LastSeen<K> {

    private final Map<K, Instant> latest = new ConcurrentHashMap<>();
    private final Map<K, Instant> unflushed = new ConcurrentHashMap<>();

    public void seen(K key, Instant now) {
        Instant before = latest.get(key);
        if (before == null || now.isAfter(before.plusSeconds(1))) {
            latest.put(key, now);
            unflushed.put(key, now);
        }
    }

    /** When this instance last saw {@code key}, if it did. */
    public Optional<Instant> get(K key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** Hands what was seen since the last flush to {@code writer}; if it throws, the batch stays for the next flush. */
    public void flush(Consumer<Map<K, Instant>> writer) {
        if (unflushed.isEmpty()) {
            return;
        }
        Map<K, Instant> batch = new HashMap<>(unflushed);
        batch.forEach(unflushed::remove);
        try {
            writer.accept(batch);
        } catch (RuntimeException e) {
            batch.forEach(unflushed::putIfAbsent);
            throw e;
        }
    }
}
