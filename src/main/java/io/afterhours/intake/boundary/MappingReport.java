package io.afterhours.intake.boundary;

import io.afterhours.intake.control.FieldMapping;
import io.afterhours.intake.control.LogicalField;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The *Field mapping* page's boundary (product.md F9): the candidates tried for each logical field, and which JSON
 * members the most recent stored notifications carried that no candidate covers (from {@code unmapped_members},
 * written at intake), so an administrator sees when UserLock sends a member the mapping misses. Read-only;
 * administrators only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MappingReport {

    /** How many of the newest notifications are looked at: recent enough to matter, cheap to read. */
    static final int RECENT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    FieldMapping mapping;

    /** One logical field and its candidates, in the order they are tried, with the configuration key to change. */
    public record FieldCandidates(String field, String configKey, List<String> candidates) {}

    /** A member no candidate covers: in how many of the recent notifications, and when it was last received. */
    public record UnmappedMember(String name, long notifications, Instant lastReceived) {}

    public List<FieldCandidates> candidates() {
        requireAdministrator();
        Map<LogicalField, List<String>> all = mapping.candidates();
        List<FieldCandidates> out = new ArrayList<>();
        for (LogicalField field : LogicalField.values()) {
            out.add(new FieldCandidates(field.name(), field.configKey(), all.getOrDefault(field, List.of())));
        }
        return out;
    }

    /** Unmapped members of the newest {@value #RECENT} notifications, the most frequent first. */
    public List<UnmappedMember> unmapped() {
        requireAdministrator();
        List<Object[]> rows = em.createQuery(
                        "SELECT n.unmappedMembers, n.receivedAt FROM Notification n ORDER BY n.id DESC", Object[].class)
                .setMaxResults(RECENT)
                .getResultList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Instant> last = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String members = (String) row[0];
            if (members == null || members.isBlank()) {
                continue;
            }
            for (String name : members.split(",")) {
                if (!name.isBlank()) {
                    counts.computeIfAbsent(name, k -> new long[1])[0]++;
                    Instant received = instant(row[1]);
                    if (received != null) {
                        last.merge(name, received, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new UnmappedMember(e.getKey(), e.getValue()[0], last.get(e.getKey())))
                .sorted(Comparator.comparingLong(UnmappedMember::notifications)
                        .reversed()
                        .thenComparing(UnmappedMember::name))
                .toList();
    }

    /** The converter normally gives an Instant; a driver's own type is read as the converter would. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : null;
    }

    private void requireAdministrator() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused("field mapping");
        }
    }
}
