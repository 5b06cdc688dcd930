package io.afterhours.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Sends one notification as UserLock would (userlock.md 1.2, 1.6): a JSON POST to the webhook URL, over real HTTP, so
 * the whole intake path (UserLock ID check, spool, mapping) runs as in production.
 */
public final class WebhookSender {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookSender() {}

    /** The notification body: EventType 4 denied, 1 logon, 0 logoff; the server is Primary or Backup by its ID. */
    public static JsonObject payload(
            int eventType,
            OffsetDateTime eventTime,
            String account,
            String domain,
            String computer,
            String clientAddress,
            String sessionType,
            String userLockId,
            String serverName) {
        return Json.createObjectBuilder()
                .add(
                        "Userlock",
                        Json.createObjectBuilder()
                                .add("Id", userLockId)
                                .add("FQDN", serverName.toLowerCase(java.util.Locale.ROOT) + ".corp.local")
                                .add("DisplayName", serverName))
                .add("EventType", eventType)
                .add("EventTime", eventTime.toString())
                .add("UserAccount", account)
                .add("UserDomain", domain)
                .add("ComputerName", computer)
                .add("ClientAddress", clientAddress)
                .add("SessionType", sessionType)
                .build();
    }

    /** The HTTP status the portal answered. */
    public static int send(URI webhook, JsonObject payload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
