package io.afterhours.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All HTTP APIs live under {@code /api}; the OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Afterhours API",
                        version = "1",
                        description = "Webhook intake for UserLock notifications"))
public class RestApplication extends Application {}
