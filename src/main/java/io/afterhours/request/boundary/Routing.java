package io.afterhours.request.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.request.entity.ExtensionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps pending requests routed to whoever the directory names now (P13). Decisions always re-check the directory,
 * so a former manager loses a request at once; this puts it in the new manager's inbox too. Runs in batches, each
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so two instances never re-route the same request at once and a request
 * being decided is simply looked at next time. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class Routing {

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    AuditLog auditLog;

    /**
     * Checks up to {@code max} pending requests with an id above {@code after}; returns the last id looked at, or
     * -1 when there were none (the walk is over).
     */
    @SuppressWarnings("unchecked")
    public long rerouteAfter(long after, int max) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM extension_request WHERE state = 'PENDING' AND id > ?"
                        + " ORDER BY id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, after)
                .getResultList();
        for (Number id : ids) {
            reroute(em.find(ExtensionRequest.class, id.longValue()));
        }
        return ids.isEmpty() ? -1 : ids.get(ids.size() - 1).longValue();
    }

    private void reroute(ExtensionRequest request) {
        Optional<DirectoryPerson> requester = directory.findByGuid(request.requester());
        if (requester.isEmpty()) {
            // Gone from the directory: it stays with whoever it was routed to, and expires with its window.
            return;
        }
        ApproverResolution now = directory.resolveApprover(requester.get());
        String guid = now.approver().map(p -> p.guid().toString()).orElse(null);
        String before = request.approver() == null ? null : request.approver().toString();
        boolean sameGroup = guid != null || Objects.equals(now.fallbackGroup(), request.approverGroup());
        if (Objects.equals(guid, before) && sameGroup) {
            return;
        }
        String from = request.approverName() != null ? request.approverName() : request.approverGroup();
        request.routeTo(
                now.approver().map(DirectoryPerson::guid).orElse(null),
                now.approver().map(DirectoryPerson::displayName).orElse(null),
                now.fallbackGroup(),
                now.reason().name());
        String to = request.approverName() != null ? request.approverName() : request.approverGroup();
        auditLog.append(new AuditRecord(
                        ActorType.SYSTEM,
                        "requests",
                        "request.rerouted",
                        "request " + request.id(),
                        "the directory changed: from " + from + " to " + to + " (" + now.reason() + ")")
                .about(Concerning.request(request.id(), request.requester(), request.requesterAccount())));
    }
}
