package io.afterhours.connector.boundary;

import io.afterhours.connector.control.BridgeTokens;
import io.afterhours.platform.boundary.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bridge API (docs/bridge-api.md): what the PowerShell bridge on the UserLock host, and the UserLock simulator,
 * call to lease actions, report their outcomes and the inventory. Every call needs a configured bridge token
 * ({@code Authorization: Bearer}, else 401 with an empty body) and a bridge name ({@code X-Afterhours-Bridge}, else
 * 400), recorded as "last seen".
 */
@ApplicationScoped
@Path("bridge/v1")
@Tag(name = "UserLock bridge")
@SecurityRequirement(name = "bridgeToken")
@org.eclipse.microprofile.openapi.annotations.security.SecurityScheme(
        securitySchemeName = "bridgeToken",
        type = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A token from AFTERHOURS_BRIDGE_TOKENS")
@Produces(MediaType.APPLICATION_JSON)
public class BridgeResource {

    static final String BRIDGE_HEADER = "X-Afterhours-Bridge";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_INVENTORY_BODY = 2 * 1024 * 1024;
    static final int MAX_INVENTORY = 5000;
    static final int MAX_TEXT = 8 * 1024;

    @Inject
    BridgeTokens tokens;

    @Inject
    ActionQueue queue;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.zone")
    ZoneId userLockZone;

    @POST
    @Path("actions/lease")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Lease due actions",
            description = "Up to max (1-50, default 10) due actions, oldest first,"
                    + " leased for leaseSeconds (30-3600, default 300); never the same action to two bridges.")
    @RequestBody(description = "{\"max\": 10, \"leaseSeconds\": 300}")
    @APIResponse(responseCode = "200", description = "{\"actions\": [...]}")
    @APIResponse(responseCode = "400", description = "Bad input or missing bridge name (problem+json)")
    @APIResponse(responseCode = "401", description = "Missing or wrong token (empty body)")
    @APIResponse(responseCode = "413", description = "Body too large")
    public Response lease(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(BRIDGE_HEADER) String bridge,
            InputStream body) {
        Response refused = check(authorization, bridge);
        if (refused != null) {
            return refused;
        }
        try {
            JsonObject request = object(body, MAX_BODY, true);
            int max = integer(request, "max", 10, 1, 50);
            int seconds = integer(request, "leaseSeconds", 300, 30, 3600);
            queue.seen(bridge);
            JsonArrayBuilder actions = Json.createArrayBuilder();
            for (LeasedAction action : queue.lease(bridge, max, Duration.ofSeconds(seconds))) {
                actions.add(json(action));
            }
            return Response.ok(Json.createObjectBuilder()
                            .add("actions", actions)
                            .build()
                            .toString())
                    .build();
        } catch (BadInput e) {
            return e.response();
        }
    }

    @POST
    @Path("actions/{id}/result")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Report the outcome of a leased action",
            description = "SUCCEEDED moves the requests to"
                    + " SCHEDULED or ACTIVE; FAILED retries with backoff, and after the limit the action is dead.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Bad input (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "Missing or wrong token (empty body)")
    @APIResponse(responseCode = "404", description = "No such action")
    @APIResponse(responseCode = "409", description = "Not this action's current lease: nothing changed")
    public Response result(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(BRIDGE_HEADER) String bridge,
            @PathParam("id") String id,
            InputStream body) {
        Response refused = check(authorization, bridge);
        if (refused != null) {
            return refused;
        }
        try {
            long actionId = actionId(id);
            JsonObject request = object(body, MAX_BODY, false);
            String lease = text(request, "lease", true, 200);
            String outcome = text(request, "outcome", true, 16);
            ActionReport report;
            if ("SUCCEEDED".equals(outcome)) {
                JsonObject effective = optionalObject(request, "effective");
                report = new ActionReport(
                        lease,
                        true,
                        text(request, "userLockId", false, 200),
                        effective == null ? null : instant(effective, "start", false),
                        effective == null ? null : instant(effective, "end", false),
                        effective == null ? null : text(effective, "hours", false, MAX_TEXT),
                        text(request, "log", false, MAX_TEXT),
                        null,
                        false);
            } else if ("FAILED".equals(outcome)) {
                JsonValue retryable = request.get("retryable");
                if (retryable != null && retryable != JsonValue.TRUE && retryable != JsonValue.FALSE) {
                    throw new BadInput("retryable", "must be true or false");
                }
                report = new ActionReport(
                        lease,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        text(request, "error", true, MAX_TEXT),
                        retryable != JsonValue.FALSE);
            } else {
                throw new BadInput("outcome", "must be SUCCEEDED or FAILED");
            }
            queue.seen(bridge);
            return switch (queue.report(actionId, bridge, report)) {
                case RECORDED -> Response.noContent().build();
                case NOT_FOUND -> Problem.of(404, "Not Found", "No action " + actionId + ".");
                case CONFLICT ->
                    Problem.of(
                            409,
                            "Conflict",
                            "Not this action's current lease (expired and leased again, or reported).");
            };
        } catch (BadInput e) {
            return e.response();
        }
    }

    @POST
    @Path("inventory")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Report the temporary protected accounts found in UserLock",
            description = "At most 5,000"
                    + " accounts; replaces this bridge's previous inventory; drift shows on the actions page.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Bad input (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "Missing or wrong token (empty body)")
    @APIResponse(responseCode = "413", description = "Body too large")
    public Response inventory(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(BRIDGE_HEADER) String bridge,
            InputStream body) {
        Response refused = check(authorization, bridge);
        if (refused != null) {
            return refused;
        }
        try {
            JsonObject request = object(body, MAX_INVENTORY_BODY, false);
            Instant takenAt = instant(request, "takenAt", true);
            JsonValue list = request.get("accounts");
            if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new BadInput("accounts", "must be an array");
            }
            if (list.asJsonArray().size() > MAX_INVENTORY) {
                throw new BadInput("accounts", "at most " + MAX_INVENTORY + " accounts");
            }
            List<InventoryEntry> entries = new ArrayList<>();
            for (JsonValue value : list.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new BadInput("accounts", "every entry must be an object");
                }
                JsonObject account = value.asJsonObject();
                entries.add(new InventoryEntry(
                        text(account, "account", true, 300),
                        text(account, "accountKey", false, 64),
                        text(account, "userLockId", false, 200),
                        instant(account, "start", true),
                        instant(account, "end", true)));
            }
            queue.inventory(bridge, takenAt, entries);
            return Response.noContent().build();
        } catch (BadInput e) {
            return e.response();
        }
    }

    @GET
    @Path("ping")
    @Operation(summary = "Check the URL and the token", description = "Records the bridge as last seen.")
    @APIResponse(responseCode = "200", description = "{\"serverTime\": \"...Z\", \"bridge\": \"name\"}")
    @APIResponse(responseCode = "401", description = "Missing or wrong token (empty body)")
    public Response ping(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(BRIDGE_HEADER) String bridge) {
        Response refused = check(authorization, bridge);
        if (refused != null) {
            return refused;
        }
        queue.seen(bridge);
        return Response.ok(Json.createObjectBuilder()
                        .add("serverTime", clock.instant().toString())
                        .add("bridge", bridge)
                        .build()
                        .toString())
                .build();
    }

    /** 401 (empty body) before anything else, so an unauthenticated caller learns nothing; then the name. */
    private Response check(String authorization, String bridge) {
        if (!tokens.accepts(authorization)) {
            // An empty entity (not none): Jersey then sets the status instead of calling sendError, and
            // EmptyUnauthorizedFilter (intake) commits the empty response before the container writes an error page.
            return Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(new byte[0])
                    .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .build();
        }
        if (bridge == null || !NAME.matcher(bridge).matches()) {
            return Problem.of(400, "Bad Request", BRIDGE_HEADER + ": 1-64 characters [A-Za-z0-9._-] required.");
        }
        return null;
    }

    private JsonObject json(LeasedAction action) {
        JsonObjectBuilder window = window(action.start(), action.end());
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("id", action.id())
                .add("lease", action.lease())
                .add("leaseExpiresAt", action.leaseExpiresAt().toString())
                .add("type", action.type())
                .add("attempt", action.attempt())
                .add("account", action.account())
                .add("accountKey", action.accountKey());
        if (action.userLockId() == null) {
            out.addNull("userLockId");
        } else {
            out.add("userLockId", action.userLockId());
        }
        out.add("window", window);
        if (action.previousStart() == null) {
            out.addNull("previousWindow");
        } else {
            out.add("previousWindow", window(action.previousStart(), action.previousEnd()));
        }
        JsonArrayBuilder types = Json.createArrayBuilder();
        action.sessionTypes().forEach(types::add);
        JsonArrayBuilder requests = Json.createArrayBuilder();
        action.requests().forEach(requests::add);
        return out.add("sessionTypes", types)
                .add("overtimeAction", action.overtimeAction())
                .add("requests", requests)
                .build();
    }

    private JsonObjectBuilder window(Instant start, Instant end) {
        return Json.createObjectBuilder()
                .add("start", start.toString())
                .add("end", end.toString())
                .add("startLocal", start.atZone(userLockZone).toLocalDateTime().toString())
                .add("endLocal", end.atZone(userLockZone).toLocalDateTime().toString())
                .add("zone", userLockZone.getId());
    }

    private static long actionId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadInput("id", "must be a positive whole number");
    }

    private static JsonObject object(InputStream body, int limit, boolean emptyIsDefault) {
        byte[] bytes = read(body, limit);
        if (bytes.length == 0 && emptyIsDefault) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadInput("body", "must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BadInput("body", "not valid JSON");
        }
    }

    private static byte[] read(InputStream body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new BadInput(413, "body", "larger than " + limit + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BadInput("body", "could not be read");
        }
    }

    private static int integer(JsonObject object, String field, int fallback, int min, int max) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((jakarta.json.JsonNumber) value).isIntegral()) {
            throw new BadInput(field, "must be a whole number from " + min + " to " + max);
        }
        long number = ((jakarta.json.JsonNumber) value).longValue();
        if (number < min || number > max) {
            throw new BadInput(field, "must be a whole number from " + min + " to " + max);
        }
        return (int) number;
    }

    private static String text(JsonObject object, String field, boolean required, int max) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new BadInput(field, "required");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadInput(field, "must be a string");
        }
        String text = ((JsonString) value).getString();
        if (text.length() > max) {
            throw new BadInput(field, "at most " + max + " characters");
        }
        if (required && text.isBlank()) {
            throw new BadInput(field, "required");
        }
        return text;
    }

    private static JsonObject optionalObject(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadInput(field, "must be an object");
        }
        return value.asJsonObject();
    }

    private static Instant instant(JsonObject object, String field, boolean required) {
        String text = text(object, field, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput(field, "must be an instant like 2026-12-02T21:00:00Z");
        }
    }

    /** Bad input, answered with problem+json naming the field (never echoing the value). */
    static final class BadInput extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String field;

        BadInput(String field, String problem) {
            this(400, field, problem);
        }

        BadInput(int status, String field, String problem) {
            super(field + ": " + problem, null, false, false);
            this.status = status;
            this.field = field;
        }

        Response response() {
            Response response = Problem.of(status, status == 413 ? "Content Too Large" : "Bad Request", getMessage());
            return status == 400
                    ? Response.fromResponse(response)
                            .header("X-Problem-Field", field)
                            .build()
                    : response;
        }
    }
}
