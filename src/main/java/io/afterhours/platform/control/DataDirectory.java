package io.afterhours.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The instance's local data directory (spool and, by default, the embedded H2 database). A leading {@code ~} means the
 * home directory of the user running Payara, as in the H2 URL.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "afterhours.data.dir")
    String configured;

    public Path resolve(String child) {
        Path dir = root().resolve(child);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir, e);
        }
    }

    Path root() {
        String home = System.getProperty("user.home");
        String path = configured.startsWith("~") ? home + configured.substring(1) : configured;
        return Path.of(path).toAbsolutePath().normalize();
    }
}
