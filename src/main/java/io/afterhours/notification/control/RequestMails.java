package io.afterhours.notification.control;

import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.notification.boundary.Outbox;
import io.afterhours.notification.entity.ComposedMail;
import io.afterhours.request.boundary.RequestSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails about requests. "A request waits for you" goes to the approving person when a request becomes PENDING,
 * queued in the submitting transaction (a synchronous observer runs inside it). A request routed to the fallback group
 * sends nothing yet (issue 5, a later part: mail to the group's members).
 */
@ApplicationScoped
public class RequestMails {

    static final String WAITING = "request-waiting";
    private static final Logger LOG = Logger.getLogger(RequestMails.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    Directory directory;

    @Inject
    Preferences preferences;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    MailComposer composer = new MailComposer();

    void onSubmitted(@Observes RequestSubmitted request) {
        if (request.approver() == null) {
            return;
        }
        Optional<DirectoryPerson> approver = directory.findByGuid(request.approver());
        if (approver.isEmpty()
                || approver.get().mail() == null
                || approver.get().mail().isBlank()) {
            LOG.info(() -> "No mail address for the approver of request " + request.requestId() + ": no mail sent");
            return;
        }
        DirectoryPerson to = approver.get();
        ComposedMail mail = waiting(request, to.displayName(), preferences.zoneOf(to.guid()), Locale.ENGLISH);
        outbox.enqueue(WAITING, to.mail(), to.displayName(), mail, request.requestId());
    }

    ComposedMail waiting(RequestSubmitted request, String approverName, ZoneId zone, Locale locale) {
        Map<String, Object> values = new HashMap<>();
        values.put("approverName", approverName);
        values.put("requesterName", request.requesterName());
        values.put("window", MailComposer.window(request.windowStart(), request.windowEnd(), zone, locale));
        values.put("reason", blankToNull(request.reason()));
        values.put("computer", blankToNull(request.denialComputer()));
        values.put("link", link(request.requestId()));
        return composer.compose(WAITING, locale, values, request.requesterName());
    }

    String link(long requestId) {
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        return base + "/request.xhtml?id=" + requestId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
