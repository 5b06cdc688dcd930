package io.afterhours.notification.control;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The demo mailbox's SMTP server: GreenMail on 127.0.0.1, accepting mail for anyone without authentication. It runs
 * on the mail classes Payara ships (Angus Mail), never on a copy of its own. {@link #drain} hands over what arrived
 * and forgets it, so the server holds only mails that nobody has collected yet.
 */
public final class DemoMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private DemoMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts on 127.0.0.1; {@code port} 0 picks a free one. */
    public static DemoMailServer start(int port) {
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        ServerSetup setup = new ServerSetup(port, loopback, ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new DemoMailServer(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The mails received since the last call, each with the time it arrived; they are removed from the server. */
    public synchronized List<Arrived> drain() {
        List<Arrived> arrived = new ArrayList<>();
        try {
            for (MailFolder folder :
                    greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                boolean taken = false;
                for (StoredMessage message : folder.getNonDeletedMessages()) {
                    arrived.add(new Arrived(message.getReceivedDate(), message.getMimeMessage()));
                    // Flag, then expunge only flagged ones: a mail arriving meanwhile stays for the next drain.
                    message.setFlag(Flags.Flag.DELETED, true);
                    taken = true;
                }
                if (taken) {
                    folder.expunge();
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException("The demo mailbox could not be read: " + e.getMessage(), e);
        }
        arrived.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        return arrived;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** One received mail as GreenMail parsed it. */
    public record Arrived(Date receivedAt, jakarta.mail.internet.MimeMessage message) {}
}
