package io.afterhours.simulator.control;

import io.afterhours.connector.control.BridgeTokens;
import io.afterhours.hours.entity.SessionType;
import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LogSafe;
import io.afterhours.platform.control.PeriodicJob;
import io.afterhours.simulator.boundary.Simulator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulator's bridge: every {@code afterhours.simulator.poll} it does what AfterhoursBridge.ps1 does, over real
 * HTTP (bridge-api.md): ping, lease, apply each action to the simulator's temporary accounts, report the result, and
 * every {@code afterhours.simulator.inventory-interval} post the inventory. Without a configured token it generates
 * one at start and has {@link BridgeTokens} accept it: the simulator only runs with the demo directory.
 */
@ApplicationScoped
public class BridgePoller {

    private static final Logger LOG = Logger.getLogger(BridgePoller.class.getName());
    static final String NAME = "simulator";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Simulator simulator;

    @Inject
    BridgeTokens tokens;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.bridge-url")
    Optional<String> bridgeUrl;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.bridge-token")
    Optional<String> configuredToken;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.poll")
    Duration interval;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.inventory-interval")
    Duration inventoryInterval;

    @Inject
    @ConfigProperty(name = "afterhours.simulator.bridge-autostart")
    boolean autostart;

    private String token;
    private volatile boolean running;
    private volatile Instant lastInventory = Instant.EPOCH;
    private volatile String lastOutcome = "not run yet";
    // A failure is only FINE here: the Try-it page shows it, and a stopped demo bridge is no operator's problem.
    private final PeriodicJob job = PeriodicJob.loggingTo(LOG).step(this::failed, this::runIfRunning);

    void start(@Observes SchemaReady ready) {
        if (!simulator.enabled()) {
            return;
        }
        token = configuredToken.filter(t -> !t.isBlank()).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = "sim-" + HexFormat.of().formatHex(random);
            tokens.acceptAlso(generated);
            return generated;
        });
        running = autostart;
        job.start(scheduler, interval, interval);
    }

    @PreDestroy
    void stop() {
        job.stop();
    }

    /** Pauses or resumes the simulated bridge (the Try-it page; tests that drive the bridge API themselves). */
    public void setRunning(boolean running) {
        this.running = running;
    }

    public boolean running() {
        return running;
    }

    /** What the last run did, for the Try-it page. */
    public String lastOutcome() {
        return lastOutcome;
    }

    private void runIfRunning() throws IOException, InterruptedException {
        if (running) {
            runOnce();
        }
    }

    private void failed(Exception e) {
        lastOutcome = "failed: " + e;
        LOG.log(Level.FINE, "The simulated bridge retries on its next run: {0}", LogSafe.of(e.toString()));
    }

    /** One run: ping, lease and apply, inventory when due. Package-visible for a manual run. */
    void runOnce() throws IOException, InterruptedException {
        call("GET", "/ping", null);
        JsonObject leased = call(
                "POST",
                "/actions/lease",
                Json.createObjectBuilder()
                        .add("max", 10)
                        .add("leaseSeconds", 60)
                        .build());
        int applied = 0;
        for (JsonValue value : leased.getJsonArray("actions")) {
            handle(value.asJsonObject());
            applied++;
        }
        if (Instant.now().isAfter(lastInventory.plus(inventoryInterval)) || applied > 0) {
            postInventory();
        }
        lastOutcome = "ok at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + applied + " action(s)";
    }

    private void handle(JsonObject action) throws IOException, InterruptedException {
        long id = action.getJsonNumber("id").longValue();
        String lease = action.getString("lease");
        String accountKey = action.getString("accountKey");
        JsonObjectBuilder result = Json.createObjectBuilder().add("lease", lease);
        try {
            if ("REMOVE".equals(action.getString("type"))) {
                simulator.remove(accountKey);
                result.add("outcome", "SUCCEEDED");
                if (action.get("userLockId") instanceof JsonString id0) {
                    result.add("userLockId", id0.getString());
                }
            } else {
                JsonObject window = action.getJsonObject("window");
                Set<SessionType> types = EnumSet.noneOf(SessionType.class);
                for (JsonValue type : action.getJsonArray("sessionTypes")) {
                    SessionType.named(((JsonString) type).getString()).ifPresent(types::add);
                }
                TemporaryAccount account = simulator.apply(
                        accountKey,
                        action.getString("account"),
                        Instant.parse(window.getString("start")),
                        Instant.parse(window.getString("end")),
                        types);
                result.add("outcome", "SUCCEEDED")
                        .add("userLockId", account.userLockId())
                        .add(
                                "effective",
                                Json.createObjectBuilder()
                                        .add("start", account.start().toString())
                                        .add("end", account.end().toString())
                                        .add("hours", "Authorised time frames: every day 00:00-00:00 for " + types));
            }
        } catch (RuntimeException e) {
            result = Json.createObjectBuilder()
                    .add("lease", lease)
                    .add("outcome", "FAILED")
                    .add("error", String.valueOf(e.getMessage()))
                    .add("retryable", true);
        }
        call("POST", "/actions/" + id + "/result", result.build());
    }

    private void postInventory() throws IOException, InterruptedException {
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        for (TemporaryAccount account : simulator.temporaryAccounts()) {
            accounts.add(Json.createObjectBuilder()
                    .add("account", account.account())
                    .add("accountKey", account.accountKey())
                    .add("userLockId", account.userLockId())
                    .add("start", account.start().toString())
                    .add("end", account.end().toString()));
        }
        call(
                "POST",
                "/inventory",
                Json.createObjectBuilder()
                        .add("takenAt", Instant.now().toString())
                        .add("accounts", accounts)
                        .build());
        lastInventory = Instant.now();
    }

    private JsonObject call(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("X-Afterhours-Bridge", NAME)
                .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 204 || status == 409) {
            // 409: a late or duplicate report, which changes nothing (bridge-api.md); the bridge moves on.
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (status != 200) {
            throw new IOException(method + " " + path + " answered HTTP " + status);
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private String base() {
        return bridgeUrl.orElse(simulator.localBase() + "/api/bridge/v1");
    }
}
