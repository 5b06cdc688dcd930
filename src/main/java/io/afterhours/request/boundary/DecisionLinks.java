package io.afterhours.request.boundary;

import io.afterhours.admin.boundary.Settings;
import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.Concerning;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.control.ApplicationStartup;
import io.afterhours.platform.control.PortalAddress;
import io.afterhours.request.control.LinkKeys;
import io.afterhours.request.control.LinkToken;
import io.afterhours.request.control.LinkTokens;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decision links in the managers' mails (product.md F3, issue 5). A link carries a signed token bound to one request
 * and one approver; it opens a confirmation page ({@code decide.xhtml}) and decides only when the signed-in approver
 * presses its button, so mail scanners and previews, which only fetch, decide nothing. Opening writes nothing; the
 * deciding post records the token as used in the decision's own transaction, through {@link Decisions}, so a link
 * decides at most once and exactly as the inbox would (authority, first decision wins, audit, the employee's mail).
 * A link stops working when it expires ({@code afterhours.links.ttl}) or when its request is no longer pending.
 */
@ApplicationScoped
@Transactional
public class DecisionLinks {

    static final String PAGE = "/decide.xhtml";

    @PersistenceContext
    EntityManager em;

    @Inject
    LinkKeys keys;

    @Inject
    Decisions decisions;

    @Inject
    People people;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.links.ttl")
    Duration ttl;

    /** Absent in unit tests that build this by hand: {@link #ttl} applies then. */
    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    /**
     * The Approve / Approve for less / Deny links for one approver's mail about one request; other manager mails
     * (reminder, escalated to you) take theirs from here too.
     */
    public DecisionLinkUrls forApprover(long requestId, UUID approver) {
        Instant expiresAt = clock.instant().plus(settings == null ? ttl : settings.duration("afterhours.links.ttl"));
        String token = tokens().issue(requestId, approver, expiresAt);
        String page = PortalAddress.page(portalUrl, PAGE) + "?t=" + token + "&a=";
        return new DecisionLinkUrls(page + "approve", page + "less", page + "deny", expiresAt);
    }

    /**
     * What the link shows the signed-in person, and whether it can decide. Changes nothing, except that a link that
     * is not genuine or not theirs is audited (a tampered or forwarded link is worth an auditor's look).
     */
    public LinkedRequest open(String token) {
        DirectoryPerson me = people.me();
        Optional<LinkToken> verified = tokens().verify(token);
        if (verified.isEmpty()) {
            refused(me, "decision link", "not a link the portal signed (tampered or truncated)");
            return new LinkedRequest(LinkProblem.INVALID, null);
        }
        LinkToken link = verified.get();
        if (!link.approver().equals(me.guid())) {
            refused(me, "request " + link.requestId(), "a link sent to another approver (forwarded?)");
            return new LinkedRequest(LinkProblem.NOT_YOURS, null);
        }
        RequestDetail detail;
        try {
            detail = decisions.detail(link.requestId());
        } catch (AccessRefused e) {
            return new LinkedRequest(LinkProblem.NO_AUTHORITY, null);
        }
        return new LinkedRequest(problem(link, detail), detail);
    }

    /**
     * Decides through the link: the same checks as {@link #open}, then the decision as the inbox makes it, the token
     * recorded as used and the audit entry saying it came from a mail link, all in one transaction. A refused link
     * throws {@link LinkRefused} (its audit entry stays); a refused decision ({@link RequestRefused}, e.g. decided
     * meanwhile) rolls everything back, so the link is not used up.
     */
    @Transactional(dontRollbackOn = LinkRefused.class)
    public RequestSummary decide(String token, DecisionCommand command) {
        LinkedRequest opened = open(token);
        if (!opened.decidable()) {
            throw new LinkRefused(opened.problem());
        }
        LinkToken link = tokens().verify(token).orElseThrow();
        if (command.requestId() != link.requestId()) {
            throw new LinkRefused(LinkProblem.INVALID);
        }
        DirectoryPerson me = people.me();
        RequestSummary decided = decisions.decide(command);
        // The primary key makes a second use fail even when two posts of one link race past the checks above.
        em.createNativeQuery(
                        "INSERT INTO decision_link_use (token_id, request_id, used_by, used_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, link.id())
                .setParameter(2, link.requestId())
                .setParameter(3, me.guid().toString())
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        auditLog.append(new AuditRecord(
                        ActorType.PERSON,
                        me.account(),
                        "request.decided-by-link",
                        "request " + link.requestId(),
                        (command.approve() ? "approved" : "denied") + " from the decision link in the approver's mail")
                .about(concerning(link.requestId())));
        return decided;
    }

    private LinkProblem problem(LinkToken link, RequestDetail detail) {
        if (used(link)) {
            return LinkProblem.USED;
        }
        if (detail.request().state() != RequestState.PENDING) {
            return LinkProblem.DECIDED;
        }
        if (link.expiredAt(clock.instant())) {
            return LinkProblem.EXPIRED;
        }
        return detail.decidable() ? null : LinkProblem.NO_AUTHORITY;
    }

    private boolean used(LinkToken link) {
        Number count = (Number) em.createNativeQuery("SELECT COUNT(*) FROM decision_link_use WHERE token_id = ?")
                .setParameter(1, link.id())
                .getSingleResult();
        return count.longValue() > 0;
    }

    private Concerning concerning(long requestId) {
        ExtensionRequest request = em.find(ExtensionRequest.class, requestId);
        return request == null
                ? new Concerning(requestId, null, null)
                : Concerning.request(requestId, request.requester(), request.requesterAccount());
    }

    /** Audits a refused link, never the token itself (it would let a reader of the log try it). */
    private void refused(DirectoryPerson me, String subject, String why) {
        auditLog.append(new AuditRecord(ActorType.PERSON, me.account(), "request.link-refused", subject, why));
    }

    /**
     * At start-up: a configured secret that is too short stops the deployment (rather than the first mail failing),
     * and the stored key exists before the first request is submitted.
     */
    void onSchemaReady(@Observes ApplicationStartup.SchemaReady ready) {
        tokens();
    }

    private LinkTokens tokens() {
        LinkTokens known = keys.known();
        if (known != null) {
            return known;
        }
        try {
            return keys.stored();
        } catch (RuntimeException anotherInstanceStoredItFirst) {
            return keys.stored();
        }
    }
}
