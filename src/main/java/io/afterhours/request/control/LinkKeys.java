package io.afterhours.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that signs decision links. {@code AFTERHOURS_LINKS_SECRET} (environment only, at least 32 characters) when
 * set; otherwise a random key generated once and kept in {@code link_signing_key}, so that every instance checks the
 * others' links and a restart does not void the links already mailed. Changing the key voids every link out there.
 */
@ApplicationScoped
public class LinkKeys {

    private static final Logger LOG = Logger.getLogger(LinkKeys.class.getName());
    private static final int MIN_SECRET = 32;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.links.secret")
    Optional<String> secret;

    private volatile LinkTokens tokens;

    /** The signer, once known: at once from the configured secret, or after {@link #stored()} read the database. */
    public LinkTokens known() {
        if (tokens == null && secret.isPresent() && !secret.get().isBlank()) {
            if (secret.get().length() < MIN_SECRET) {
                throw new IllegalStateException("AFTERHOURS_LINKS_SECRET must be at least " + MIN_SECRET
                        + " characters long; decision links stay off until it is");
            }
            tokens = new LinkTokens(secret.get().getBytes(StandardCharsets.UTF_8));
        }
        return tokens;
    }

    /**
     * Reads the stored key, or stores a new one when there is none yet, in a transaction of its own: the caller's
     * transaction must not roll back when another instance stored its key first (the primary key refuses the second
     * row; the caller then reads the winner's).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LinkTokens stored() {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("SELECT key_value FROM link_signing_key WHERE id = 1")
                .getResultList();
        String value;
        if (found.isEmpty()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            value = Base64.getEncoder().encodeToString(key);
            em.createNativeQuery("INSERT INTO link_signing_key (id, key_value, created_at) VALUES (1, ?, ?)")
                    .setParameter(1, value)
                    .setParameter(2, Timestamp.from(clock.instant()))
                    .executeUpdate();
            LOG.info("Generated the key that signs decision links and stored it in the database"
                    + " (set AFTERHOURS_LINKS_SECRET to use a key of your own)");
        } else {
            value = found.get(0);
        }
        tokens = new LinkTokens(Base64.getDecoder().decode(value.strip()));
        return tokens;
    }
}
