package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * P15 and the directory-outage sign-in message, end to end: the portal is pointed (ldap mode) at a "domain controller"
 * that accepts TCP connections and never answers a byte. Sign-in must fail within the configured timeouts with the
 * outage message, never hang, and the portal must keep answering. Runs in the H2 pass only (its own Payara).
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryOutageIT {

    private static final BlackHole SILENT_DC = BlackHole.start();

    @ArquillianResource
    URL deploymentUrl;

    /** The real WAR with its configuration pointed at the silent domain controller, 2-second LDAP timeouts. */
    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        String settings = Files.readString(Path.of("src/main/resources/META-INF/microprofile-config.properties"))
                + "\nafterhours.directory.mode=ldap\nafterhours.directory.url=ldap://127.0.0.1:" + SILENT_DC.port()
                + "\nafterhours.directory.bind-dn=cn=afterhours-service,dc=corp,dc=local"
                + "\nafterhours.directory.connect-timeout=PT2S\nafterhours.directory.read-timeout=PT2S\n";
        WebArchive war = ItSupport.deployment();
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        war.addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
        return war;
    }

    @AfterAll
    static void stopBlackHole() {
        SILENT_DC.close();
    }

    @Test
    void signInFailsFastWithTheOutageMessageAndNothingHangs() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        PortalSession browser = new PortalSession(base);
        HttpResponse<String> page = browser.get("login.xhtml");
        assertEquals(200, page.statusCode(), "the sign-in page renders without the directory");
        assertTrue(!page.body().contains("demo-accounts"), "no demo accounts outside demo mode");

        HttpResponse<String> refused = browser.signIn("zlefevre", PortalSession.DEMO_PASSWORD);
        assertTrue(
                refused.headers().firstValue("Location").orElse("").endsWith("login.xhtml?unavailable=true"),
                refused.statusCode() + " " + refused.headers().map());
        assertTrue(browser.get("login.xhtml?unavailable=true").body().contains("The directory is not answering"));
        assertTrue(SILENT_DC.accepted() > 0, "the portal really tried the silent domain controller");

        // Many at once: every request thread comes back (within the LDAP timeouts), none is left hanging.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> new PortalSession(base)
                        .signIn("pmartin", PortalSession.DEMO_PASSWORD)
                        .statusCode()));
            }
            for (Future<Integer> attempt : attempts) {
                assertEquals(302, attempt.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, new PortalSession(base).get("login.xhtml").statusCode(), "still answering");
        assertTrue(new PortalSession(base).get("index.xhtml").body().contains("signin:account"), "nobody got in");
    }

    /** Accepts connections and never reads or writes: a domain controller that hangs (reliability.md P15). */
    static final class BlackHole implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private BlackHole(ServerSocket server) {
            this.server = server;
        }

        static BlackHole start() {
            try {
                BlackHole hole = new BlackHole(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread acceptor = new Thread(hole::acceptForever, "silent-domain-controller");
                acceptor.setDaemon(true);
                acceptor.start();
                return hole;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        private void acceptForever() {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing a test server: nothing to do
            }
        }
    }
}
