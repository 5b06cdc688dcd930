package io.afterhours.connector.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.connector.control.BridgeTokens;
import io.afterhours.connector.entity.BridgeToken;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The *Bridge tokens* page's boundary (product.md F9): tokens for the bridge API created in the portal, shown once,
 * stored as a digest, revoked when no longer needed, with when each was last used. Rotation with overlap is adding
 * the new token, switching the bridge to it, then revoking the old one. The tokens in {@code AFTERHOURS_BRIDGE_TOKENS}
 * are pinned: always accepted, only counted here. Administrators only; every change audited without the token.
 */
@ApplicationScoped
@Transactional
public class IssuedBridgeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog auditLog;

    @Inject
    BridgeTokens tokens;

    @Inject
    Clock clock;

    @Inject
    Event<Changed> changed;

    /** Fired by a creation or revocation; the token check reloads once it commits. */
    public record Changed() {}

    /** A token just created: {@code token} is shown this once and never again. */
    public record CreatedToken(String token, BridgeTokenSummary summary) {}

    /** Every token created here, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BridgeTokenSummary> list() {
        requireAdministrator("bridge tokens");
        return em
                .createQuery("SELECT t FROM BridgeToken t ORDER BY t.id DESC", BridgeToken.class)
                .setMaxResults(200)
                .getResultList()
                .stream()
                .map(this::summary)
                .toList();
    }

    /** How many tokens the environment pins (never which). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int configuredCount() {
        requireAdministrator("bridge tokens");
        return tokens.configuredCount();
    }

    /** Creates a token named {@code label} (1–64 printable characters, e.g. the bridge's host name). */
    public CreatedToken create(String label) {
        String actor = requireAdministrator("bridge tokens");
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new BridgeTokenRefused("bridgeTokens.problem.label");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        BridgeToken row = new BridgeToken(
                name, BridgeTokens.digestHex(token), token.substring(token.length() - 4), actor, clock.instant());
        em.persist(row);
        em.flush();
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                actor,
                "bridge.token.created",
                "bridge token " + row.id(),
                "label: " + name + "; token …" + row.hint()));
        changed.fire(new Changed());
        return new CreatedToken(token, summary(row));
    }

    /** Refuses the token from now on; revoking a revoked token changes nothing. */
    public void revoke(long id) {
        String actor = requireAdministrator("bridge token " + id);
        BridgeToken row = em.find(BridgeToken.class, id);
        if (row == null) {
            throw new BridgeTokenRefused("bridgeTokens.problem.missing");
        }
        if (row.revokedAt() != null) {
            return;
        }
        row.revoke(clock.instant());
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                actor,
                "bridge.token.revoked",
                "bridge token " + id,
                "label: " + row.label() + "; token …" + row.hint()));
        changed.fire(new Changed());
    }

    /** The digests of the tokens not revoked, by id, for the token check. */
    public Map<Long, String> accepted() {
        Map<Long, String> out = new HashMap<>();
        em.createQuery("SELECT t FROM BridgeToken t WHERE t.revokedAt IS NULL", BridgeToken.class)
                .getResultList()
                .forEach(t -> out.put(t.id(), t.digest()));
        return out;
    }

    /** Stores last-used times kept in memory by the token check; never moves one back. */
    public void recordLastUsed(Map<Long, Instant> used) {
        used.forEach((id, at) -> em.createQuery("UPDATE BridgeToken t SET t.lastUsedAt = :at WHERE t.id = :id AND"
                        + " (t.lastUsedAt IS NULL OR t.lastUsedAt < :at)")
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate());
    }

    private BridgeTokenSummary summary(BridgeToken t) {
        Instant seen = tokens.lastUsed(t.id()).orElse(null);
        Instant stored = t.lastUsedAt();
        Instant last = stored == null || (seen != null && seen.isAfter(stored)) ? seen : stored;
        return new BridgeTokenSummary(t.id(), t.label(), t.hint(), t.createdBy(), t.createdAt(), t.revokedAt(), last);
    }

    private String requireAdministrator(String what) {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused(what);
        }
        return security.getCallerPrincipal().getName();
    }
}
