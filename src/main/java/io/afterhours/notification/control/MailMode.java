package io.afterhours.notification.control;

import java.util.Locale;

/**
 * Where mail goes ({@code afterhours.mail.mode}): to the configured SMTP server, or to the demo mailbox inside the
 * portal. Demo mail belongs with the demo directory: with a real directory ({@code afterhours.directory.mode=ldap})
 * real people would expect real mail, so that combination refuses to start.
 */
public enum MailMode {
    SMTP,
    DEMO;

    /** The mode as configured; refuses an unknown one and demo mail with a real directory, naming the settings. */
    public static MailMode of(String mailMode, String directoryMode) {
        MailMode mode;
        try {
            mode = valueOf(mailMode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("afterhours.mail.mode must be smtp or demo, not " + mailMode, e);
        }
        if (mode == DEMO && !"demo".equalsIgnoreCase(directoryMode.strip())) {
            throw new IllegalStateException("afterhours.mail.mode=demo keeps every mail inside the portal, which is for"
                    + " the demo directory only; with afterhours.directory.mode=" + directoryMode
                    + " set afterhours.mail.mode=smtp (AFTERHOURS_MAIL_MODE=smtp) and the SMTP server's settings");
        }
        return mode;
    }
}
