package io.afterhours.intake.boundary;

import io.afterhours.intake.control.IntakeRejection;
import io.afterhours.intake.control.RejectionReason;
import io.afterhours.platform.boundary.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a refused notification: 401 with an empty body (a missing, malformed or wrong ID look identical), every
 * other refusal as a short problem+json.
 */
@Provider
public class IntakeRejectionMapper implements ExceptionMapper<IntakeRejection> {

    @Override
    public Response toResponse(IntakeRejection rejection) {
        RejectionReason reason = rejection.reason();
        if (reason == RejectionReason.UNAUTHENTICATED) {
            // An empty entity (not none): Jersey then sets the status instead of calling sendError, and
            // EmptyUnauthorizedFilter commits the empty response before the container writes an error page.
            return Response.status(401)
                    .entity(new byte[0])
                    .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .build();
        }
        Response.ResponseBuilder problem =
                Response.fromResponse(Problem.of(reason.status(), reason.title(), rejection.getMessage()));
        if (reason == RejectionReason.UNAVAILABLE) {
            problem.header("Retry-After", "30");
        }
        return problem.build();
    }
}
