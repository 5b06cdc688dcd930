package io.afterhours.connector.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The pure part of the connector (no database, no clock): merges one person's granted windows into the temporary
 * accounts UserLock should hold, and compares them with the accounts already asked for, giving the APPLY and REMOVE
 * steps that turn one into the other.
 *
 * <p>Account keys: a merged group keeps the key of an account it takes over (an account with a request in the group;
 * of several, the one holding the lowest request id), so a window that grows or shrinks is changed in place. A group
 * that takes over none gets {@link #keyOf(String, long)} of the person's GUID and the group's lowest request id: the
 * same input always gives the same key, on every retry, redelivery or recomputation.
 */
public final class AccountPlan {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private AccountPlan() {}

    /** A window as two instants, end exclusive. */
    public record Window(Instant start, Instant end) {
        public Window {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
        }
    }

    /** One granted request's window. */
    public record Grant(long requestId, Window window) {}

    /** Overlapping or touching grants merged: one account. */
    public record Group(Window window, SortedSet<Long> requestIds) {}

    /** An account already asked for: its key, the window asked for, its requests, and the window applied (or null). */
    public record Account(String key, Window window, Set<Long> requestIds, Window applied) {}

    public enum StepType {
        APPLY,
        REMOVE
    }

    /** Something to queue: APPLY {@code window} (replacing {@code previous}, if any) or REMOVE {@code previous}. */
    public record Step(StepType type, String key, Window window, Window previous, SortedSet<Long> requestIds) {}

    /** Merges overlapping or touching windows, earliest first. */
    public static List<Group> merge(List<Grant> grants) {
        List<Grant> sorted = new ArrayList<>(grants);
        sorted.sort(Comparator.comparing((Grant g) -> g.window().start()).thenComparing(Grant::requestId));
        List<Group> groups = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        SortedSet<Long> ids = new TreeSet<>();
        for (Grant grant : sorted) {
            if (start != null && grant.window().start().isAfter(end)) {
                groups.add(new Group(new Window(start, end), ids));
                start = null;
                ids = new TreeSet<>();
            }
            if (start == null) {
                start = grant.window().start();
                end = grant.window().end();
            } else if (grant.window().end().isAfter(end)) {
                end = grant.window().end();
            }
            ids.add(grant.requestId());
        }
        if (start != null) {
            groups.add(new Group(new Window(start, end), ids));
        }
        return groups;
    }

    /**
     * The steps from {@code existing} (the live accounts) to the accounts {@code grants} need: an APPLY for every group
     * whose account is new or holds another window, a REMOVE for every live account no group takes over.
     */
    public static List<Step> diff(String guid, List<Grant> grants, List<Account> existing) {
        List<Step> steps = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Set<String> keys = new HashSet<>();
        existing.forEach(a -> keys.add(a.key()));
        for (Group group : merge(grants)) {
            Account account = existing.stream()
                    .filter(a -> !taken.contains(a.key()))
                    .filter(a -> a.requestIds().stream().anyMatch(group.requestIds()::contains))
                    .min(Comparator.comparing((Account a) ->
                                    a.requestIds().stream().min(Long::compare).orElse(Long.MAX_VALUE))
                            .thenComparing(Account::key))
                    .orElse(null);
            if (account != null) {
                taken.add(account.key());
                if (!account.window().equals(group.window())
                        || !account.requestIds().equals(group.requestIds())) {
                    steps.add(new Step(
                            StepType.APPLY, account.key(), group.window(), account.applied(), group.requestIds()));
                }
                continue;
            }
            String key = keyOf(guid, group.requestIds().first());
            for (int n = 1; keys.contains(key); n++) {
                key = keyOf(guid + "#" + n, group.requestIds().first());
            }
            keys.add(key);
            taken.add(key);
            steps.add(new Step(StepType.APPLY, key, group.window(), null, group.requestIds()));
        }
        for (Account account : existing) {
            if (!taken.contains(account.key())) {
                steps.add(new Step(
                        StepType.REMOVE,
                        account.key(),
                        account.window(),
                        account.applied(),
                        new TreeSet<>(account.requestIds())));
            }
        }
        return steps;
    }

    /** "AH-" and 8 characters of Crockford base 32 from SHA-256 of "guid:requestId". */
    public static String keyOf(String guid, long requestId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((guid.toLowerCase(java.util.Locale.ROOT) + ":" + requestId)
                            .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | hash[i] & 0xFF;
        }
        StringBuilder key = new StringBuilder("AH-");
        for (int i = 7; i >= 0; i--) {
            key.append(ALPHABET[(int) (bits >>> (5 * i)) & 31]);
        }
        return key.toString();
    }

    /** "41,42" */
    public static String ids(Set<Long> ids) {
        return String.join(",", new TreeSet<>(ids).stream().map(String::valueOf).toList());
    }

    public static SortedSet<Long> ids(String text) {
        SortedSet<Long> ids = new TreeSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part.strip()));
            }
        }
        return ids;
    }
}
