package io.afterhours.request.boundary;

import static io.afterhours.platform.control.SqlTimes.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Granted windows for other features (usage, exports): no caller check here, callers are system jobs or boundaries
 * that checked already. "Granted" is one rule, kept in {@link #GRANTED}: the request has an approval decision,
 * whatever its state since (APPROVED, APPLYING, SCHEDULED, ACTIVE, ENDED, REVOKED, FAILED all were granted once), so
 * the connector's states need no change here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GrantedWindows {

    private static final String GRANTED = "SELECT r.id, r.requester_guid, r.requester_account, r.window_start,"
            + " r.window_end FROM extension_request r JOIN request_decision d ON d.request_id = r.id"
            + " WHERE d.outcome = 'APPROVED'";

    @PersistenceContext
    EntityManager em;

    /** This person's granted windows that contain {@code at} (ends included: a logoff at the very end belongs). */
    @SuppressWarnings("unchecked")
    public List<GrantedRequestWindow> covering(UUID requester, Instant at) {
        return ((List<Object[]>) em.createNativeQuery(
                                GRANTED + " AND r.requester_guid = ? AND r.window_start <= ? AND r.window_end >= ?")
                        .setParameter(1, requester.toString())
                        .setParameter(2, java.sql.Timestamp.from(at))
                        .setParameter(3, java.sql.Timestamp.from(at))
                        .getResultList())
                .stream().map(GrantedWindows::window).toList();
    }

    /** Those of {@code ids} that were granted, with their windows (the others are left out). */
    @SuppressWarnings("unchecked")
    public List<GrantedRequestWindow> of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ((List<Object[]>) em.createNativeQuery(GRANTED + " AND r.id IN ("
                                + String.join(
                                        ",", ids.stream().map(String::valueOf).toList()) + ")")
                        .getResultList())
                .stream().map(GrantedWindows::window).toList();
    }

    /**
     * One page of the windows granted that overlap {@code [from, to)}, in (start, id) order after {@code after} (null:
     * from the first), at most {@code max}; only those of {@code requesters} unless it is null. For exports, which
     * page through any number of windows by their last row.
     */
    @SuppressWarnings("unchecked")
    public List<GrantedRequestWindow> page(
            Instant from, Instant to, List<UUID> requesters, GrantedRequestWindow after, int max) {
        if (requesters != null && requesters.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(GRANTED).append(" AND r.window_start < ? AND r.window_end > ?");
        List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(to), Timestamp.from(from)));
        if (requesters != null) {
            sql.append(" AND r.requester_guid IN (")
                    .append(String.join(",", Collections.nCopies(requesters.size(), "?")))
                    .append(')');
            requesters.forEach(guid -> parameters.add(guid.toString()));
        }
        if (after != null) {
            sql.append(" AND (r.window_start > ? OR (r.window_start = ? AND r.id > ?))");
            parameters.addAll(List.of(Timestamp.from(after.start()), Timestamp.from(after.start()), after.requestId()));
        }
        Query query = em.createNativeQuery(
                        sql.append(" ORDER BY r.window_start, r.id").toString())
                .setMaxResults(max);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Object[]>) query.getResultList())
                .stream().map(GrantedWindows::window).toList();
    }

    private static GrantedRequestWindow window(Object[] row) {
        return new GrantedRequestWindow(
                ((Number) row[0]).longValue(),
                UUID.fromString(((String) row[1]).strip()),
                (String) row[2],
                instant(row[3]),
                instant(row[4]));
    }
}
