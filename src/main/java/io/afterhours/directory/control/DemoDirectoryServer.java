package io.afterhours.directory.control;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The demo directory: an in-memory LDAP server on loopback, seeded from {@code directory/demo-directory.ldif}, shaped
 * like AD. Started only in demo mode; the schema is off so AD's object classes and attributes load as they are.
 */
public final class DemoDirectoryServer implements AutoCloseable {

    public static final String BASE_DN = "dc=corp,dc=local";
    public static final String USER_BASE = "ou=users," + BASE_DN;
    public static final String SERVICE_DN = "cn=afterhours-service," + BASE_DN;
    static final String LDIF = "/directory/demo-directory.ldif";

    private final InMemoryDirectoryServer server;

    private DemoDirectoryServer(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 ({@code port} 0 picks a free one); every demo account gets {@code demoPassword}. */
    public static DemoDirectoryServer start(int port, String demoPassword, String servicePassword) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setSchema(null);
            config.addAdditionalBindCredentials(SERVICE_DN, servicePassword);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (LDIFReader reader = new LDIFReader(seed(demoPassword))) {
                server.importFromLDIF(true, reader);
            }
            server.startListening();
            return new DemoDirectoryServer(server);
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("The demo directory could not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    private static InputStream seed(String demoPassword) {
        try (InputStream in = DemoDirectoryServer.class.getResourceAsStream(LDIF)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + LDIF);
            }
            String ldif =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{DEMO_PASSWORD}", demoPassword);
            return new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
