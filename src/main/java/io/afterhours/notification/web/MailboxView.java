package io.afterhours.notification.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.notification.boundary.DemoMailbox;
import io.afterhours.notification.boundary.ReceivedMail;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** View state of the demo mailbox page ({@code admin/mailbox.xhtml}, {@code ?mail=…} opens one mail). */
@Named
@ViewScoped
public class MailboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DemoMailbox mailbox;

    @Inject
    Preferences preferences;

    private Long mail;
    private ZoneId zone;
    private boolean enabled;
    private List<ReceivedMail> mails = List.of();
    private ReceivedMail open;

    /** The page's view action. */
    public void load() {
        zone = preferences.myZone();
        enabled = mailbox.enabled();
        if (enabled) {
            mails = mailbox.received();
            open = mail == null
                    ? null
                    : mails.stream().filter(m -> m.id() == mail).findFirst().orElse(null);
        }
    }

    public String getFrame() {
        return open == null ? "" : SafeMailFrame.of(open.html(), open.subject());
    }

    public String format(Instant instant) {
        return ZonedTime.format(instant, zone);
    }

    public Long getMail() {
        return mail;
    }

    public void setMail(Long mail) {
        this.mail = mail;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public List<ReceivedMail> getMails() {
        return mails;
    }

    public ReceivedMail getOpen() {
        return open;
    }
}
