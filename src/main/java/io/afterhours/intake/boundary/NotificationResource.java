package io.afterhours.intake.boundary;

import io.afterhours.intake.control.RejectionReason;
import io.afterhours.intake.control.StoreOutcome;
import io.afterhours.platform.boundary.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The URL to paste into UserLock's Webhook setting: {@code https://<host>/api/userlock/notifications}. It accepts
 * the JSON UserLock POSTs after every session event; every other method is refused with 405 and nothing stored.
 */
@ApplicationScoped
@Path("userlock/notifications")
@Tag(name = "UserLock webhook")
public class NotificationResource {

    @Inject
    NotificationIntake intake;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Receive one UserLock session-event notification",
            description = "Authenticated by the UserLock ID in Userlock.Id (Primary, Backup or previous generation). "
                    + "Stored before the answer; duplicates (same event, any sending server) are stored once.")
    @RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserLockNotification")))
    @APIResponse(responseCode = "200", description = "Stored, or already stored (status: stored | duplicate)")
    @APIResponse(responseCode = "202", description = "Database unavailable; kept in the durable spool for replay")
    @APIResponse(
            responseCode = "400",
            description = "Not a JSON object, invalid UTF-8, too deep, duplicate members, "
                    + "or a confirmed member of the wrong type (problem+json)")
    @APIResponse(responseCode = "401", description = "UserLock ID missing or not accepted (empty body)")
    @APIResponse(responseCode = "413", description = "Body larger than afterhours.intake.max-body-bytes")
    @APIResponse(responseCode = "415", description = "Form, multipart, XML or another non-JSON content type")
    @APIResponse(responseCode = "503", description = "Neither the database nor the spool could take it")
    public Response receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        StoreOutcome outcome = intake.receive(contentType, body);
        int status = outcome == StoreOutcome.SPOOLED ? 202 : 200;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"status\":\"" + outcome.name().toLowerCase(Locale.ROOT) + "\"}")
                .build();
    }

    @GET
    @Operation(hidden = true)
    public Response get() {
        return notAllowed();
    }

    @PUT
    @Operation(hidden = true)
    public Response put() {
        return notAllowed();
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete() {
        return notAllowed();
    }

    @PATCH
    @Operation(hidden = true)
    public Response patch() {
        return notAllowed();
    }

    /** Explicit, because JAX-RS would otherwise answer OPTIONS itself with 200. */
    @OPTIONS
    @Operation(hidden = true)
    public Response options() {
        return notAllowed();
    }

    private Response notAllowed() {
        intake.rejected(RejectionReason.METHOD_NOT_ALLOWED);
        return Response.fromResponse(Problem.of(405, "Method Not Allowed", "Only POST is accepted here."))
                .header(HttpHeaders.ALLOW, "POST")
                .build();
    }
}
