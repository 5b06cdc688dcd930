package io.afterhours.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Shared plumbing of the integration tests: the deployment (the real WAR the build produced, plus the test-only
 * probe), loopback URLs (stack.md G5), HTTP calls and notification bodies.
 */
public final class ItSupport {

    public static final String PRIMARY_ID = System.getProperty("afterhours.it.userlock.primary");
    public static final String BACKUP_ID = System.getProperty("afterhours.it.userlock.backup");
    public static final String WEBHOOK = "api/userlock/notifications";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private ItSupport() {}

    /** The WAR under test with the probe endpoints added; deploy it with {@code testable = false}. */
    public static WebArchive deployment() {
        File war = new File(System.getProperty("afterhours.it.buildDirectory", "target"), "afterhours.war");
        return ShrinkWrap.create(ZipImporter.class, "afterhours.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(ProbeResource.class, AuditProbeResource.class);
    }

    /** Payara reports its Hazelcast address; it listens everywhere, so talk to loopback. */
    public static URI loopback(URL base) {
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath());
    }

    public static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static HttpResponse<String> post(URI base, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public static HttpResponse<String> postJson(URI base, String json) {
        return post(base, WEBHOOK, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    public static HttpResponse<String> method(URI base, String path, String method) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A UserLock-shaped notification (userlock.md 1.6) with the members our default mapping reads. */
    public static NotificationJson notification(String user) {
        return new NotificationJson(
                PRIMARY_ID,
                "ulsrv01.corp.example.com",
                "ULSRV01",
                4,
                "2025-03-12T21:47:05.1234567+01:00",
                user,
                "CORP",
                "PC-042",
                "10.1.2.3");
    }

    /** Builder for notification bodies; strings are JSON-escaped. */
    public record NotificationJson(
            String id,
            String fqdn,
            String serverName,
            Integer eventType,
            String eventTime,
            String user,
            String domain,
            String computer,
            String clientAddress) {

        public NotificationJson fromBackup() {
            return new NotificationJson(
                    BACKUP_ID,
                    "ulsrv02.corp.example.com",
                    "ULSRV02",
                    eventType,
                    eventTime,
                    user,
                    domain,
                    computer,
                    clientAddress);
        }

        public NotificationJson withId(String newId) {
            return new NotificationJson(
                    newId, fqdn, serverName, eventType, eventTime, user, domain, computer, clientAddress);
        }

        public NotificationJson withEventType(Integer type) {
            return new NotificationJson(id, fqdn, serverName, type, eventTime, user, domain, computer, clientAddress);
        }

        public NotificationJson withEventTime(String time) {
            return new NotificationJson(id, fqdn, serverName, eventType, time, user, domain, computer, clientAddress);
        }

        public NotificationJson withComputer(String name) {
            return new NotificationJson(id, fqdn, serverName, eventType, eventTime, user, domain, name, clientAddress);
        }

        public String json() {
            StringBuilder out = new StringBuilder("{\"Userlock\":{\"Id\":")
                    .append(quote(id))
                    .append(",\"FQDN\":")
                    .append(quote(fqdn))
                    .append(",\"DisplayName\":")
                    .append(quote(serverName))
                    .append('}');
            if (eventType != null) {
                out.append(",\"EventType\":").append(eventType);
            }
            if (eventTime != null) {
                out.append(",\"EventTime\":").append(quote(eventTime));
            }
            if (user != null) {
                out.append(",\"UserAccount\":").append(quote(user));
            }
            out.append(",\"UserDomain\":")
                    .append(quote(domain))
                    .append(",\"ComputerName\":")
                    .append(quote(computer))
                    .append(",\"ClientAddress\":")
                    .append(quote(clientAddress))
                    .append(",\"SessionType\":1}");
            return out.toString();
        }
    }

    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
