package io.afterhours.platform.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details. Bodies stay short and never echo the request, so a bad notification cannot reflect
 * content (or the secret) back to its sender.
 */
public final class Problem {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problem() {}

    public static Response of(int status, String title, String detail) {
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString();
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
