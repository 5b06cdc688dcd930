package io.afterhours.intake.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.intake.control.ServerSlot;
import io.afterhours.intake.control.UserLockIdWhitelist;
import io.afterhours.intake.entity.UserLockId;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The UserLock IDs page's boundary (product.md F9): the Primary and Backup IDs the webhook accepts, and rotation with
 * overlap. An administrator enters the new ID of a slot and how long the old one stays accepted; after that the old
 * one is refused. Only the digest and the last four characters are stored, and only those are shown or audited. An
 * ID the operator pinned in the environment ({@code AFTERHOURS_USERLOCK_ID_PRIMARY}, ...) stays accepted whatever is
 * entered here, and only the operator retires it (by removing it there): entering a new ID for its slot adds the
 * portal's ID next to it, which is how a slot moves from the environment to the portal. Administrators only, audited
 * in the same transaction.
 */
@ApplicationScoped
@Transactional
public class UserLockIds {

    /** The longest overlap: an old ID accepted for longer than a month is no longer a rotation. */
    static final Duration MAX_OVERLAP = Duration.ofDays(31);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog auditLog;

    @Inject
    UserLockIdWhitelist whitelist;

    @Inject
    Clock clock;

    @Inject
    Event<Changed> changed;

    /** Fired by a rotation; the whitelist reloads once it commits. */
    public record Changed() {}

    /** A portal ID as the whitelist needs it: digest in hex, and the end of its overlap for an outgoing one. */
    public record AcceptedId(long id, String slot, String digest, Instant retiresAt) {}

    /** Every ID still accepted (current ones and outgoing ones within their overlap), for the whitelist. */
    public List<AcceptedId> accepted() {
        return live().stream()
                .map(u -> new AcceptedId(u.id(), u.slot(), u.digest(), u.retiresAt()))
                .toList();
    }

    /**
     * What the page lists: per slot, the pinned ID if any, the current portal ID, and any outgoing one; last, the
     * operator's outgoing ID ({@code AFTERHOURS_USERLOCK_ID_PREVIOUS}) while it is set.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserLockIdSummary> list() {
        requireAdministrator("UserLock IDs");
        List<UserLockIdSummary> out = new ArrayList<>();
        Map<ServerSlot, String> pinned = whitelist.configuredHints();
        for (ServerSlot slot : List.of(ServerSlot.PRIMARY, ServerSlot.BACKUP, ServerSlot.PREVIOUS)) {
            if (pinned.containsKey(slot)) {
                out.add(new UserLockIdSummary(
                        slot.name(),
                        pinned.get(slot),
                        UserLockIdSummary.State.PINNED,
                        null,
                        null,
                        null,
                        whitelist.lastSeen(slot).orElse(null)));
            }
            live().stream()
                    .filter(u -> u.slot().equals(slot.name()))
                    .sorted(Comparator.comparing(UserLockId::addedAt).reversed())
                    .forEach(u -> out.add(new UserLockIdSummary(
                            slot.name(),
                            u.hint(),
                            u.retiresAt() == null ? UserLockIdSummary.State.CURRENT : UserLockIdSummary.State.OUTGOING,
                            u.addedBy(),
                            u.addedAt(),
                            u.retiresAt(),
                            latest(u.lastSeenAt(), whitelist.lastSeen(u.id()).orElse(null)))));
        }
        return out;
    }

    /** Which slots have an ID pinned in the environment (accepted whatever {@link #rotate} does). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> pinnedSlots() {
        return whitelist.configuredHints().keySet().stream().map(Enum::name).toList();
    }

    /**
     * Makes {@code newId} the current ID of {@code slot}; the slot's current ID stays accepted for {@code overlap}
     * (ISO-8601, e.g. PT1H; PT0S retires it at once). Refused with every problem at once, nothing saved.
     */
    public void rotate(String slot, String newId, String overlap) {
        String actor = requireAdministrator("UserLock ID " + slot);
        List<String> problems = new ArrayList<>();
        ServerSlot target = parseSlot(slot);
        if (target == null) {
            problems.add("userlockIds.problem.slot");
        }
        String id = newId == null ? "" : newId.strip();
        if (!UserLockIdWhitelist.looksLikeGuid(id)) {
            problems.add("userlockIds.problem.format");
        }
        Duration keep = parseOverlap(overlap);
        if (keep == null) {
            problems.add("userlockIds.problem.overlap");
        }
        if (!problems.isEmpty()) {
            throw new UserLockIdRefused(problems);
        }
        String digest = UserLockIdWhitelist.digestHex(id);
        if (whitelist.isConfiguredId(id)
                || live().stream().anyMatch(u -> u.digest().equals(digest))) {
            throw new UserLockIdRefused(List.of("userlockIds.problem.same"));
        }
        Instant now = clock.instant();
        Instant until = now.plus(keep);
        List<UserLockId> outgoing = live().stream()
                .filter(u -> u.slot().equals(target.name()) && u.retiresAt() == null)
                .toList();
        outgoing.forEach(u -> u.retireAt(until));
        UserLockId added = new UserLockId(target.name(), digest, UserLockIdWhitelist.hint(id), actor, now);
        em.persist(added);
        em.flush();
        String before =
                outgoing.isEmpty() ? "(none)" : "…" + outgoing.get(0).hint() + " (accepted until " + until + ")";
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                actor,
                "userlock.id.rotated",
                "UserLock ID " + target.name(),
                target.name() + ": " + before + " -> …" + added.hint() + "; overlap " + keep));
        changed.fire(new Changed());
    }

    /** Stores last-seen times kept in memory by the whitelist; never moves one back. */
    public void recordLastSeen(Map<Long, Instant> seen) {
        seen.forEach((id, at) -> em.createQuery("UPDATE UserLockId u SET u.lastSeenAt = :at WHERE u.id = :id AND"
                        + " (u.lastSeenAt IS NULL OR u.lastSeenAt < :at)")
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate());
    }

    private List<UserLockId> live() {
        Instant now = clock.instant();
        return em.createQuery(
                        "SELECT u FROM UserLockId u WHERE u.retiresAt IS NULL OR u.retiresAt > :now ORDER BY u.id",
                        UserLockId.class)
                .setParameter("now", now)
                .getResultList();
    }

    private static ServerSlot parseSlot(String slot) {
        if (slot == null) {
            return null;
        }
        String upper = slot.strip().toUpperCase(Locale.ROOT);
        return upper.equals("PRIMARY") || upper.equals("BACKUP") ? ServerSlot.valueOf(upper) : null;
    }

    private static Duration parseOverlap(String overlap) {
        try {
            Duration d = Duration.parse(overlap == null ? "" : overlap.strip().toUpperCase(Locale.ROOT));
            return d.isNegative() || d.compareTo(MAX_OVERLAP) > 0 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private String requireAdministrator(String what) {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused(what);
        }
        return security.getCallerPrincipal().getName();
    }
}
