package io.afterhours.platform.control;

import java.nio.file.Path;

/** Test fixture: a {@link DataDirectory} rooted in a test's temporary directory, for tests in other packages. */
public final class TestDataDirectories {

    private TestDataDirectories() {}

    public static DataDirectory at(Path root) {
        DataDirectory directory = new DataDirectory();
        directory.configured = root.toString();
        return directory;
    }
}
