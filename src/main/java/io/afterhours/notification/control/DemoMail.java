package io.afterhours.notification.control;

import io.afterhours.notification.boundary.ReceivedMail;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo mailbox ({@code afterhours.mail.mode=demo}, the default of the demo run): an SMTP server on loopback that
 * the normal sender sends to over real SMTP, so the whole outbox path runs, and the newest {@code demo-capacity}
 * mails it received, kept in memory (gone at restart). In smtp mode nothing is started. A wrong combination of
 * settings stops the deployment at start-up ({@link MailMode}).
 */
@ApplicationScoped
public class DemoMail {

    private static final Logger LOG = Logger.getLogger(DemoMail.class.getName());
    private static final long COLLECT_SECONDS = 2;

    @Inject
    @ConfigProperty(name = "afterhours.mail.mode")
    String mode;

    @Inject
    @ConfigProperty(name = "afterhours.directory.mode")
    String directoryMode;

    @Inject
    @ConfigProperty(name = "afterhours.mail.demo-port")
    int demoPort;

    @Inject
    @ConfigProperty(name = "afterhours.mail.demo-capacity")
    int capacity;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private DemoMailServer server;
    private ScheduledFuture<?> collector;
    private final Deque<ReceivedMail> kept = new ArrayDeque<>();
    private long lastId;

    /** Checks the settings and starts the server with the application, so a wrong combination fails the deployment. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (enabled()) {
            port();
            // Collected regularly, not only when someone looks, so the server never holds more than a few mails.
            collector =
                    scheduler.scheduleWithFixedDelay(this::collect, COLLECT_SECONDS, COLLECT_SECONDS, TimeUnit.SECONDS);
        }
    }

    public boolean enabled() {
        return MailMode.of(mode, directoryMode) == MailMode.DEMO;
    }

    /** The demo server's port, starting it on first use (the outbox worker may ask before start-up has). */
    public synchronized int port() {
        if (!enabled()) {
            throw new IllegalStateException("afterhours.mail.mode is not demo");
        }
        if (server == null) {
            server = DemoMailServer.start(demoPort);
            LOG.info(() -> "Demo mailbox: mail is sent to the SMTP server at 127.0.0.1:" + server.port()
                    + " inside the portal; administrators read it on admin/mailbox.xhtml");
        }
        return server.port();
    }

    /** The kept mails, newest first. */
    public synchronized List<ReceivedMail> received() {
        collect();
        return new ArrayList<>(kept);
    }

    synchronized void collect() {
        if (server == null) {
            return;
        }
        for (DemoMailServer.Arrived arrived : server.drain()) {
            kept.addFirst(ReceivedMails.of(++lastId, arrived));
            while (kept.size() > Math.max(1, capacity)) {
                kept.removeLast();
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (collector != null) {
            collector.cancel(false);
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
