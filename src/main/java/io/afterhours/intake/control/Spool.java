package io.afterhours.intake.control;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import io.afterhours.platform.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable local spool that takes notifications while the database cannot (reliability.md §1.3): one JSON line
 * per notification appended to {@code spool/current.jsonl} and forced to disk before the sender gets its 2xx. For
 * replay the current file is renamed to a sealed segment, so appends and replay never touch the same file; a segment
 * is deleted only after all its notifications were stored (or found to be duplicates), so a crash mid-replay replays
 * again and the dedupe key absorbs the repeats. Bounded in size: when full, {@link #append} fails and the sender gets
 * 503. Local to this instance; each instance replays its own spool.
 */
@ApplicationScoped
public class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final String CURRENT = "current.jsonl";
    private static final String SEALED_SUFFIX = ".sealed";

    @Inject
    DataDirectory dataDirectory;

    @Inject
    @ConfigProperty(name = "afterhours.spool.max-bytes")
    long maxBytes;

    private Path directory;
    private FileChannel current;
    private long sizeOnDisk;
    private long sealed;

    @PostConstruct
    void open() {
        directory = dataDirectory.resolve("spool");
        sizeOnDisk = measure();
    }

    @PreDestroy
    synchronized void close() {
        closeCurrent();
    }

    /** Appends and fsyncs one notification; throws if the spool is full or the disk refuses. */
    public synchronized void append(IncomingNotification notification) {
        byte[] line = (encode(notification) + "\n").getBytes(StandardCharsets.UTF_8);
        if (sizeOnDisk + line.length > maxBytes) {
            throw new IllegalStateException("The spool is full (" + maxBytes + " bytes)");
        }
        try {
            if (current == null) {
                current = FileChannel.open(
                        directory.resolve(CURRENT),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                current.write(buffer);
            }
            current.force(true);
            sizeOnDisk += line.length;
        } catch (IOException e) {
            closeCurrent();
            throw new UncheckedIOException("Could not write to the spool", e);
        }
    }

    /** Seals the current file (if any) and lists every sealed segment, oldest first. */
    public synchronized List<Path> sealedSegments() {
        try {
            Path currentFile = directory.resolve(CURRENT);
            if (Files.exists(currentFile) && Files.size(currentFile) > 0) {
                closeCurrent();
                // Zero-padded wall-clock time plus a counter: names sort in sealing order, across restarts too.
                String name = String.format(
                        java.util.Locale.ROOT,
                        "%020d-%06d%s",
                        System.currentTimeMillis(),
                        sealed++ % 1_000_000,
                        SEALED_SUFFIX);
                Files.move(currentFile, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            List<Path> segments = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SEALED_SUFFIX)) {
                stream.forEach(segments::add);
            }
            segments.sort(null);
            return segments;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the spool", e);
        }
    }

    /** Reads a sealed segment; a torn last line (a crash during append, before any 2xx) is skipped. */
    public List<IncomingNotification> read(Path segment) {
        List<IncomingNotification> notifications = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    notifications.add(decode(line));
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Skipping an unreadable spool line in " + segment.getFileName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read spool segment " + segment, e);
        }
        return notifications;
    }

    /**
     * Keeps a notification the database refuses for good (not because it is down) in {@code spool-quarantine/},
     * one JSON line with the reason, outside the spool so it neither counts as backlog nor blocks replay.
     */
    public synchronized void quarantine(IncomingNotification notification, String reason) {
        String line = Json.createObjectBuilder()
                        .add("reason", String.valueOf(reason))
                        .add(
                                "notification",
                                Json.createReader(new StringReader(encode(notification)))
                                        .readObject())
                        .build()
                        .toString()
                + "\n";
        try (FileChannel file = FileChannel.open(
                quarantineFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            file.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            file.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to the spool quarantine", e);
        }
    }

    public Path quarantineFile() {
        return dataDirectory.resolve("spool-quarantine").resolve("quarantine.jsonl");
    }

    public synchronized void delete(Path segment) {
        try {
            long size = Files.size(segment);
            Files.delete(segment);
            sizeOnDisk = Math.max(0, sizeOnDisk - size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete spool segment " + segment, e);
        }
    }

    /** Whether one more typical notification (4 KiB) would still fit. */
    public synchronized boolean hasRoom() {
        return sizeOnDisk + 4096 <= maxBytes;
    }

    /** Bytes waiting in the spool; zero when everything reached the database. */
    public synchronized long depthBytes() {
        return sizeOnDisk;
    }

    private long measure() {
        try (var files = Files.list(directory)) {
            return files.mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spool directory " + directory, e);
        }
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // Everything appended was already forced; nothing is lost by a failed close.
            }
            current = null;
        }
    }

    static String encode(IncomingNotification n) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        add(json, "dedupeKey", n.dedupeKey());
        add(json, "receivedAt", n.receivedAt().toString());
        add(json, "eventTime", n.eventTime() == null ? null : n.eventTime().toString());
        add(json, "eventTimeText", n.eventTimeText());
        add(json, "timeQuality", n.timeQuality().name());
        if (n.eventType() != null) {
            json.add("eventType", n.eventType());
        }
        add(json, "category", n.category().name());
        add(json, "classification", n.classification().name());
        json.add("mapped", n.mapped());
        add(json, "serverSlot", n.serverSlot().name());
        add(json, "serverFqdn", n.serverFqdn());
        add(json, "serverName", n.serverName());
        add(json, "userName", n.userName());
        add(json, "userDomain", n.userDomain());
        add(json, "computer", n.computer());
        add(json, "clientAddress", n.clientAddress());
        add(json, "sessionType", n.sessionType());
        add(json, "sessionId", n.sessionId());
        add(json, "details", n.details());
        add(json, "unmappedMembers", n.unmappedMembers());
        add(json, "rawJson", n.rawJson());
        return json.build().toString();
    }

    static IncomingNotification decode(String line) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(line))) {
            json = reader.readObject();
        }
        return new IncomingNotification(
                json.getString("dedupeKey"),
                Instant.parse(json.getString("receivedAt")),
                json.containsKey("eventTime") ? Instant.parse(json.getString("eventTime")) : null,
                text(json, "eventTimeText"),
                TimeQuality.valueOf(json.getString("timeQuality")),
                json.containsKey("eventType") ? json.getInt("eventType") : null,
                EventCategory.valueOf(json.getString("category")),
                Classification.valueOf(json.getString("classification")),
                json.getBoolean("mapped"),
                ServerSlot.valueOf(json.getString("serverSlot")),
                text(json, "serverFqdn"),
                text(json, "serverName"),
                text(json, "userName"),
                text(json, "userDomain"),
                text(json, "computer"),
                text(json, "clientAddress"),
                text(json, "sessionType"),
                text(json, "sessionId"),
                text(json, "details"),
                text(json, "unmappedMembers"),
                json.getString("rawJson"));
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value == JsonValue.NULL ? null : json.getString(name);
    }
}
