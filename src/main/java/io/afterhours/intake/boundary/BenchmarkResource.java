package io.afterhours.intake.boundary;

import io.afterhours.intake.control.CappedBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The no-op baseline for the webhook benchmark (docs/benchmarks.md): reads the body exactly as intake does and
 * answers 204, so the ratio of the two throughputs shows what parsing and persisting cost. Off (404) unless
 * {@code afterhours.bench.noop.enabled=true}.
 */
@ApplicationScoped
@Path("bench/noop")
public class BenchmarkResource {

    @Inject
    @ConfigProperty(name = "afterhours.bench.noop.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "afterhours.intake.max-body-bytes")
    int maxBodyBytes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response noop(InputStream body) {
        if (!enabled) {
            return Response.status(404).build();
        }
        CappedBody.read(body, maxBodyBytes);
        return Response.noContent().build();
    }
}
