package io.afterhours.notification.boundary;

import io.afterhours.notification.control.DemoMail;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/**
 * What the demo mailbox received (afterhours.mail.mode=demo), for administrators: every mail the portal sent, as the
 * SMTP server got it, newest first. Nothing is stored in the database; the mails are gone at restart.
 */
@ApplicationScoped
public class DemoMailbox {

    @Inject
    DemoMail demoMail;

    @Inject
    SecurityContext security;

    public boolean enabled() {
        return demoMail.enabled();
    }

    public List<ReceivedMail> received() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR)) {
            throw new AccessRefused("demo mailbox");
        }
        return enabled() ? demoMail.received() : List.of();
    }
}
