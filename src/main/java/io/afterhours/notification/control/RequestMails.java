package io.afterhours.notification.control;

import io.afterhours.notification.boundary.Outbox;
import io.afterhours.notification.entity.ComposedMail;
import io.afterhours.platform.control.PortalAddress;
import io.afterhours.request.boundary.DecisionLinkUrls;
import io.afterhours.request.boundary.DecisionLinks;
import io.afterhours.request.boundary.RequestDecided;
import io.afterhours.request.boundary.RequestEndingSoon;
import io.afterhours.request.boundary.RequestEscalated;
import io.afterhours.request.boundary.RequestOpened;
import io.afterhours.request.boundary.RequestReminded;
import io.afterhours.request.boundary.RequestSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails about requests (F4), each queued by a synchronous observer inside the transaction of the change that
 * causes it, in each recipient's language and zone. Approvers hear that a request waits (a person, or every member
 * of the fallback group), the reminder, the escalation, and that someone else decided it; the employee hears that a
 * denied logon opened a request, that it was approved (perhaps for less) or denied, and that the window ends soon.
 */
@ApplicationScoped
public class RequestMails {

    static final String WAITING = "request-waiting";
    static final String REMINDER = "request-reminder";
    static final String ESCALATED = "request-escalated";
    static final String DECIDED_ELSEWHERE = "request-decided-elsewhere";
    static final String OPENED = "request-opened";
    static final String APPROVED = "request-approved";
    static final String DENIED = "request-denied";
    static final String ENDING_SOON = "request-ending-soon";

    /** The mails that asked someone to decide: whoever got one hears when it is decided. */
    private static final List<String> ASKED = List.of(WAITING, REMINDER, ESCALATED);

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    DecisionLinks decisionLinks;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    MailComposer composer = new MailComposer();

    void onSubmitted(@Observes RequestSubmitted request) {
        ask(WAITING, request);
    }

    void onReminded(@Observes RequestReminded reminded) {
        ask(REMINDER, reminded.request());
    }

    void onEscalated(@Observes RequestEscalated escalated) {
        ask(ESCALATED, escalated.request());
    }

    /** To the approving person, or to each member of the group when no person approves it. */
    private void ask(String kind, RequestSubmitted request) {
        List<Recipient> to = request.approver() != null
                ? recipients.person(request.approver()).stream().toList()
                : recipients.group(request.approverGroup());
        for (Recipient r : to) {
            outbox.enqueue(kind, r.address(), r.name(), asking(kind, request, r), request.requestId());
        }
    }

    void onOpened(@Observes RequestOpened opened) {
        recipients.person(opened.requester()).ifPresent(r -> {
            Map<String, Object> values = values(r, opened.requestId());
            values.put("window", MailComposer.window(opened.windowStart(), opened.windowEnd(), r.zone(), r.locale()));
            values.put("computer", blankToNull(opened.denialComputer()));
            values.put("submitted", opened.submitted());
            queue(
                    OPENED,
                    r,
                    values,
                    opened.requestId(),
                    MailComposer.window(opened.windowStart(), opened.windowEnd(), r.zone(), r.locale()));
        });
    }

    void onDecided(@Observes RequestDecided decided) {
        recipients.person(decided.requester()).ifPresent(r -> {
            Map<String, Object> values = values(r, decided.requestId());
            values.put("decidedBy", decided.decidedByName());
            values.put(
                    "window", MailComposer.window(decided.grantedStart(), decided.grantedEnd(), r.zone(), r.locale()));
            values.put(
                    "asked",
                    MailComposer.window(decided.requestedStart(), decided.requestedEnd(), r.zone(), r.locale()));
            values.put("shortened", decided.shortened());
            values.put("note", blankToNull(decided.note()));
            if (decided.approved()) {
                queue(APPROVED, r, values, decided.requestId(), decided.shortened() ? 1 : 0);
            } else {
                queue(DENIED, r, values, decided.requestId(), decided.decidedByName());
            }
        });
        if (decided.decidedBy() != null) {
            tellTheOthers(decided);
        }
    }

    /**
     * "Already decided" to whoever was asked about it or could have decided it, except the decider (and the
     * requester, who hears the outcome itself), each address once.
     */
    private void tellTheOthers(RequestDecided decided) {
        Map<String, Recipient> others = new LinkedHashMap<>();
        List<Recipient> candidates = new ArrayList<>();
        decided.couldDecide().forEach(guid -> recipients.person(guid).ifPresent(candidates::add));
        decided.couldDecideGroups().forEach(group -> candidates.addAll(recipients.group(group)));
        for (String[] mailed : outbox.recipientsOf(decided.requestId(), ASKED)) {
            // Asked before a re-routing and no longer in the directory's picture: the organisation's defaults.
            candidates.add(recipients.byAddress(mailed[0], mailed[1]));
        }
        String deciderAddress =
                recipients.person(decided.decidedBy()).map(Recipient::address).orElse(null);
        for (Recipient r : candidates) {
            boolean excluded = decided.decidedBy().equals(r.guid())
                    || decided.requester().equals(r.guid())
                    || r.address().equalsIgnoreCase(deciderAddress);
            if (!excluded) {
                others.putIfAbsent(r.address().toLowerCase(Locale.ROOT), r);
            }
        }
        for (Recipient r : others.values()) {
            Map<String, Object> values = values(r, decided.requestId());
            values.put("requesterName", decided.requesterName());
            values.put("decidedBy", decided.decidedByName());
            values.put("approved", decided.approved());
            values.put(
                    "window", MailComposer.window(decided.grantedStart(), decided.grantedEnd(), r.zone(), r.locale()));
            outbox.enqueue(
                    DECIDED_ELSEWHERE,
                    r.address(),
                    r.name(),
                    composer.compose(
                            DECIDED_ELSEWHERE, r.locale(), values, decided.requesterName(), decided.decidedByName()),
                    decided.requestId());
        }
    }

    void onEndingSoon(@Observes RequestEndingSoon ending) {
        recipients.person(ending.requester()).ifPresent(r -> {
            Map<String, Object> values = values(r, ending.requestId());
            values.put("window", MailComposer.window(ending.windowStart(), ending.windowEnd(), r.zone(), r.locale()));
            String end = time(ending.windowEnd(), r.zone(), r.locale());
            values.put("end", end);
            outbox.enqueue(
                    ENDING_SOON,
                    r.address(),
                    r.name(),
                    composer.compose(ENDING_SOON, r.locale(), values, end),
                    ending.requestId());
        });
    }

    ComposedMail asking(String kind, RequestSubmitted request, Recipient to) {
        Map<String, Object> values = values(to, request.requestId());
        values.put("approverName", to.name());
        values.put("requesterName", request.requesterName());
        values.put("window", MailComposer.window(request.windowStart(), request.windowEnd(), to.zone(), to.locale()));
        values.put("reason", blankToNull(request.reason()));
        values.put("computer", blankToNull(request.denialComputer()));
        if (to.guid() != null) {
            values.put("decide", decide(request.requestId(), to.guid(), to.zone(), to.locale()));
        }
        return composer.compose(kind, to.locale(), values, request.requesterName());
    }

    /** Backwards-compatible shape of the approver's mail, as the tests of the first messages render it. */
    ComposedMail waiting(RequestSubmitted request, String approverName, ZoneId zone, Locale locale) {
        return asking(WAITING, request, new Recipient(request.approver(), "-", approverName, zone, locale));
    }

    private void queue(String kind, Recipient r, Map<String, Object> values, long requestId, Object... subjectArgs) {
        outbox.enqueue(kind, r.address(), r.name(), composer.compose(kind, r.locale(), values, subjectArgs), requestId);
    }

    private Map<String, Object> values(Recipient to, long requestId) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", to.name());
        values.put("link", link(requestId));
        return values;
    }

    /** "22:45 (Europe/Paris)": the end of a window as the recipient reads a clock. */
    static String time(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** The Approve / Approve for less / Deny buttons (the {@code decision-links} partial), for this approver only. */
    Map<String, String> decide(long requestId, java.util.UUID approver, ZoneId zone, Locale locale) {
        DecisionLinkUrls urls = decisionLinks.forApprover(requestId, approver);
        return Map.of(
                "approve", urls.approve(),
                "less", urls.less(),
                "deny", urls.deny(),
                "expires", MailComposer.moment(urls.expiresAt(), zone, locale));
    }

    String link(long requestId) {
        return PortalAddress.page(portalUrl, "request.xhtml?id=" + requestId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
