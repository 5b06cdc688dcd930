package io.afterhours.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
                .addClasses(ProbeResource.class);
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

    /**
     * Posts a logon denied by UserLock (EventType 4) at {@code eventTime} from {@code computer}, which is unique per
     * test, and returns the stored notification's id.
     */
    public static long storedDenial(URI base, String user, String eventTime, String computer) {
        HttpResponse<String> response = postJson(
                base,
                notification(user)
                        .withEventType(4)
                        .withEventTime(eventTime)
                        .withComputer(computer)
                        .json());
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
        jakarta.json.JsonArray rows = WebhookIT.parseArray(
                get(base, "api/it-probe/notifications?marker=" + computer).body());
        org.junit.jupiter.api.Assertions.assertEquals(1, rows.size(), rows.toString());
        return rows.getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** Asks {@code probe} every 200 ms until {@code done} accepts its answer (at most 15 s); returns that answer. */
    public static String await(Supplier<String> probe, Predicate<String> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return org.junit.jupiter.api.Assertions.fail("not done in time: " + last);
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
