package io.afterhours.notification.control;

import io.afterhours.audit.boundary.AuditDigest;
import io.afterhours.intake.boundary.UnknownUserLockIds;
import io.afterhours.notification.boundary.Outbox;
import io.afterhours.platform.control.PortalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administrators' mails (F4), to the members of the admin group and {@code afterhours.mail.admin-address}: a mail
 * given up after the retry limit, queued in the transaction that marked it DEAD (the death of an administrators' mail
 * raises nothing: an alert about an alert could loop for as long as the mail server is down); and a burst of
 * notifications refused for an unknown UserLock ID, at most once per {@code afterhours.mail.unknown-ids-every} on
 * each instance, naming the IDs masked only; and the daily audit digest (with the auditors).
 */
@ApplicationScoped
public class AdminMails {

    static final String PREFIX = "admin-";
    static final String MAIL_DEAD = "admin-mail-dead";
    static final String UNKNOWN_IDS = "admin-unknown-ids";
    static final String AUDIT_DIGEST = "admin-audit-digest";

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    @ConfigProperty(name = "afterhours.portal.url")
    String portalUrl;

    @Inject
    @ConfigProperty(name = "afterhours.mail.unknown-ids-every")
    Duration unknownIdsEvery;

    @Inject
    Clock clock;

    MailComposer composer = new MailComposer();

    private final AtomicReference<Instant> lastUnknownIds = new AtomicReference<>();

    void onGivenUp(@Observes MailGivenUp dead) {
        if (dead.kind().startsWith(PREFIX)) {
            return;
        }
        for (Recipient r : recipients.administrators()) {
            Map<String, Object> values = new HashMap<>();
            values.put("kind", dead.kind());
            values.put("address", dead.address());
            values.put("attempts", dead.attempts());
            values.put("error", dead.error());
            values.put("link", page("admin/outbox-message.xhtml?id=" + dead.id()));
            outbox.enqueue(
                    MAIL_DEAD,
                    r.address(),
                    r.name(),
                    composer.compose(MAIL_DEAD, r.locale(), values, dead.kind()),
                    null);
        }
    }

    /** The intake's burst tick fires this outside any transaction: the outbox rows get one of their own. */
    @Transactional
    void onUnknownIds(@Observes UnknownUserLockIds burst) {
        Instant now = clock.instant();
        Instant last = lastUnknownIds.get();
        if (last != null && now.isBefore(last.plus(unknownIdsEvery)) || !lastUnknownIds.compareAndSet(last, now)) {
            return;
        }
        for (Recipient r : recipients.administrators()) {
            Map<String, Object> values = new HashMap<>();
            values.put("refused", burst.refused());
            values.put("from", MailComposer.moment(burst.from(), r.zone(), r.locale()));
            values.put("to", MailComposer.moment(burst.to(), r.zone(), r.locale()));
            values.put("ids", burst.maskedIds());
            values.put("link", page("admin/notifications.xhtml"));
            outbox.enqueue(
                    UNKNOWN_IDS,
                    r.address(),
                    r.name(),
                    composer.compose(UNKNOWN_IDS, r.locale(), values, burst.refused()),
                    null);
        }
    }

    /** The daily audit digest, to the auditors and administrators, queued in the transaction that records it. */
    void onAuditDigest(@Observes AuditDigest digest) {
        for (Recipient r : recipients.auditorsAndAdministrators()) {
            Map<String, Object> values = new HashMap<>();
            values.put("intact", digest.verification().intact());
            values.put("firstBroken", digest.verification().firstBrokenSeq());
            values.put("problem", digest.verification().problem());
            values.put("line", digest.anchor().line());
            values.put("entries", digest.verification().entriesChecked());
            values.put("at", MailComposer.moment(digest.anchor().at(), r.zone(), r.locale()));
            // The integrity page opens only from the portal's own menu (a protected view): link to the portal.
            values.put("link", page("index.xhtml"));
            outbox.enqueue(
                    AUDIT_DIGEST,
                    r.address(),
                    r.name(),
                    composer.compose(
                            AUDIT_DIGEST, r.locale(), values, digest.anchor().seq()),
                    null);
        }
    }

    private String page(String path) {
        return PortalAddress.page(portalUrl, path);
    }
}
