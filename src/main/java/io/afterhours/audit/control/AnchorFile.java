package io.afterhours.audit.control;

import io.afterhours.audit.boundary.Anchor;
import io.afterhours.platform.control.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The append-only anchor file ({@code <afterhours.data.dir>/audit/anchors.log}) outside the database: one
 * {@link Anchor#line()} per anchoring, forced to disk. Verification takes the newest anchor of the current chain from
 * it; a torn last line (a crash while writing) is skipped.
 */
@ApplicationScoped
public class AnchorFile {

    static final String NAME = "anchors.log";

    @Inject
    DataDirectory dataDirectory;

    public Path path() {
        return dataDirectory.resolve("audit").resolve(NAME);
    }

    /** Appends and forces the line to disk: a truncation right after an anchor must still be caught. */
    public synchronized void append(Anchor anchor) {
        byte[] line = (anchor.line() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(
                path(), StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(line));
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit anchor file " + path(), e);
        }
    }

    /** The newest anchor written for the chain whose entry 1 has the hash {@code first}, if any. */
    public Optional<Anchor> newest(String first) {
        Path file = path();
        if (first == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(Anchor::parse)
                    .flatMap(Optional::stream)
                    .filter(a -> first.equals(a.first()))
                    .reduce((older, newer) -> newer.seq() >= older.seq() ? newer : older);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot read the audit anchor file " + file + ": " + e.getMessage(), e);
        }
    }
}
