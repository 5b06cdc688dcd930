package io.afterhours.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.audit.boundary.Anchor;
import io.afterhours.platform.control.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file: appended line by line, read back per chain, a torn last line skipped. */
class AnchorFileTest {

    private static final String CHAIN = "11".repeat(32);
    private static final String OTHER_CHAIN = "22".repeat(32);

    @TempDir
    Path dir;

    private final AnchorFile file = new AnchorFile();

    @BeforeEach
    void setUp() {
        file.dataDirectory = mock(DataDirectory.class);
        when(file.dataDirectory.resolve("audit")).thenReturn(dir);
    }

    private static Anchor anchor(long seq, String chain) {
        return new Anchor(seq, Long.toHexString(seq).repeat(64).substring(0, 64), chain, Instant.EPOCH);
    }

    @Test
    void noFileNoAnchor() {
        assertTrue(file.newest(CHAIN).isEmpty());
    }

    @Test
    void theNewestAnchorOfTheCurrentChainWins() throws Exception {
        file.append(anchor(5, CHAIN));
        file.append(anchor(9, CHAIN));
        file.append(anchor(50, OTHER_CHAIN));
        Files.writeString(dir.resolve(AnchorFile.NAME), "AUDIT-ANCHOR seq=99 hash=ab", StandardOpenOption.APPEND);

        assertEquals(anchor(9, CHAIN), file.newest(CHAIN).orElseThrow());
        assertEquals(50, file.newest(OTHER_CHAIN).orElseThrow().seq());
        assertEquals(
                4,
                Files.readAllLines(dir.resolve(AnchorFile.NAME), StandardCharsets.UTF_8)
                        .size());
    }
}
