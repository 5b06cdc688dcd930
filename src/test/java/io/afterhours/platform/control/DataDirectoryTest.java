package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance's local data directory. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void resolveCreatesTheChildDirectory() {
        DataDirectory directory = TestDataDirectories.at(temp);

        Path spool = directory.resolve("spool");

        assertEquals(temp.resolve("spool"), spool);
        assertTrue(Files.isDirectory(spool));
    }

    @Test
    void resolveIsIdempotent() {
        DataDirectory directory = TestDataDirectories.at(temp);

        Path first = directory.resolve("a/b");
        Path second = directory.resolve("a/b");

        assertEquals(first, second);
        assertTrue(Files.isDirectory(second));
    }

    @Test
    void leadingTildeMeansTheHomeDirectory() {
        DataDirectory directory = new DataDirectory();
        directory.configured = "~/.afterhours";

        assertEquals(
                Path.of(System.getProperty("user.home"), ".afterhours")
                        .toAbsolutePath()
                        .normalize(),
                directory.root());
    }
}
