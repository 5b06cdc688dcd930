package io.afterhours.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A boundary's refusal reaching a REST call: 403 problem+json, naming nothing of the object refused. */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<AccessRefused> {

    @Override
    public Response toResponse(AccessRefused refused) {
        return Problem.of(403, "Forbidden", "Not for this caller.");
    }
}
