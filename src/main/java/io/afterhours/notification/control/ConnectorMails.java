package io.afterhours.notification.control;

import io.afterhours.connector.boundary.ActionDead;
import io.afterhours.connector.boundary.ManualActionQueued;
import io.afterhours.notification.boundary.Outbox;
import io.afterhours.platform.control.PortalAddress;
import io.afterhours.request.boundary.RequestApplied;
import io.afterhours.request.boundary.RequestApplyFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The UserLock connector's mails (issue 6), queued in the transaction of the bridge's report: the employee hears that
 * their window is active in UserLock, or that it could not be applied; administrators that an action was given up.
 */
@ApplicationScoped
public class ConnectorMails {

    static final String APPLIED = "request-applied";
    static final String APPLY_FAILED = "request-apply-failed";
    static final String ADMIN_APPLY_FAILED = "admin-apply-failed";
    static final String ADMIN_MANUAL_ACTION = "admin-manual-action";

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    MailComposer composer = new MailComposer();

    void onApplied(@Observes RequestApplied applied) {
        toEmployee(APPLIED, applied.requestId(), applied.requester(), applied.windowStart(), applied.windowEnd());
    }

    void onApplyFailed(@Observes RequestApplyFailed failed) {
        toEmployee(APPLY_FAILED, failed.requestId(), failed.requester(), failed.windowStart(), failed.windowEnd());
    }

    private void toEmployee(
            String kind, long requestId, java.util.UUID requester, java.time.Instant start, java.time.Instant end) {
        recipients.person(requester).ifPresent(r -> {
            Map<String, Object> values = new HashMap<>();
            values.put("name", r.name());
            values.put("link", page("request.xhtml?id=" + requestId));
            String window = MailComposer.window(start, end, r.zone(), r.locale());
            values.put("window", window);
            outbox.enqueue(kind, r.address(), r.name(), composer.compose(kind, r.locale(), values, window), requestId);
        });
    }

    void onDead(@Observes ActionDead dead) {
        for (Recipient r : recipients.administrators()) {
            Map<String, Object> values = new HashMap<>();
            values.put("account", dead.account());
            values.put("accountKey", dead.accountKey());
            values.put("type", dead.type());
            values.put("actionId", dead.actionId());
            values.put(
                    "requests", dead.requestIds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            values.put("attempts", dead.attempts());
            values.put("error", dead.error());
            values.put("link", page("admin/actions.xhtml?state=dead"));
            outbox.enqueue(
                    ADMIN_APPLY_FAILED,
                    r.address(),
                    r.name(),
                    composer.compose(ADMIN_APPLY_FAILED, r.locale(), values, dead.account()),
                    dead.requestIds().isEmpty() ? null : dead.requestIds().get(0));
        }
    }

    /** Manual mode: the commands to paste, verbatim (one per line), and the page to confirm the outcome on. */
    void onManualAction(@Observes ManualActionQueued queued) {
        for (Recipient r : recipients.administrators()) {
            Map<String, Object> values = new HashMap<>();
            values.put("account", queued.account());
            values.put("accountKey", queued.accountKey());
            values.put("type", queued.type());
            values.put("actionId", queued.actionId());
            values.put(
                    "requests",
                    queued.requestIds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            values.put("commands", String.join("\n", queued.commands()));
            values.put("unsafe", queued.commands().isEmpty());
            values.put("link", page("admin/action.xhtml?id=" + queued.actionId()));
            outbox.enqueue(
                    ADMIN_MANUAL_ACTION,
                    r.address(),
                    r.name(),
                    composer.compose(ADMIN_MANUAL_ACTION, r.locale(), values, queued.type(), queued.account()),
                    queued.requestIds().isEmpty() ? null : queued.requestIds().get(0));
        }
    }

    private String page(String path) {
        return PortalAddress.page(portalUrl, path);
    }
}
