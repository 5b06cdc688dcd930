package io.afterhours.intake.control;

import static io.afterhours.intake.control.TestNotifications.full;
import static io.afterhours.intake.control.TestNotifications.key;
import static io.afterhours.intake.control.TestNotifications.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import io.afterhours.platform.control.TestDataDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable local spool used while the database is down: reliability.md §1.3, R1. */
class SpoolTest {

    @TempDir
    Path temp;

    private Spool spool;

    @AfterEach
    void closeSpool() {
        if (spool != null) {
            spool.close();
        }
    }

    private Spool openSpool(long maxBytes) {
        Spool opened = new Spool();
        opened.dataDirectory = TestDataDirectories.at(temp);
        opened.maxBytes = maxBytes;
        opened.open();
        return opened;
    }

    private static long lineBytes(IncomingNotification n) {
        return (Spool.encode(n) + "\n").getBytes(StandardCharsets.UTF_8).length;
    }

    // ---------------------------------------------------------------- encoding

    @Test
    void fullNotificationSurvivesEncodeAndDecode() {
        IncomingNotification original = full(key('a'));

        IncomingNotification decoded = Spool.decode(Spool.encode(original));

        assertEquals(original, decoded);
    }

    @Test
    void notificationWithNullsSurvivesEncodeAndDecode() {
        IncomingNotification original = sparse(key('b'));

        IncomingNotification decoded = Spool.decode(Spool.encode(original));

        assertEquals(original, decoded);
    }

    @Test
    void encodedNotificationIsOneLine() {
        String line = Spool.encode(full(key('a')));

        assertFalse(line.contains("\n") || line.contains("\r"), line);
    }

    @Test
    void everySlotCategoryAndQualitySurvives() {
        for (ServerSlot slot : ServerSlot.values()) {
            for (TimeQuality quality : TimeQuality.values()) {
                IncomingNotification original = new IncomingNotification(
                        key('c'),
                        Instant.EPOCH,
                        null,
                        "x",
                        quality,
                        -1,
                        EventCategory.LOGOFF,
                        Classification.SESSION_EVENT,
                        false,
                        slot,
                        null,
                        null,
                        "",
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "",
                        "{}");

                assertEquals(original, Spool.decode(Spool.encode(original)));
            }
        }
    }

    // ---------------------------------------------------------------- the files

    @Test
    void appendedNotificationsAreReadBackFromASealedSegmentInOrder() {
        spool = openSpool(1_000_000);
        spool.append(full(key('a')));
        spool.append(sparse(key('b')));

        List<Path> segments = spool.sealedSegments();

        assertEquals(1, segments.size());
        assertEquals(List.of(full(key('a')), sparse(key('b'))), spool.read(segments.get(0)));
        assertFalse(Files.exists(temp.resolve("spool").resolve("current.jsonl")));
    }

    @Test
    void emptySpoolHasNoSegments() {
        spool = openSpool(1_000_000);

        assertEquals(List.of(), spool.sealedSegments());
        assertEquals(0, spool.depthBytes());
    }

    @Test
    void appendsAfterSealingGoToANewSegmentListedOldestFirst() {
        spool = openSpool(1_000_000);
        spool.append(full(key('a')));
        Path first = spool.sealedSegments().get(0);
        spool.append(full(key('b')));

        List<Path> segments = spool.sealedSegments();

        assertEquals(2, segments.size());
        assertEquals(first, segments.get(0));
        assertEquals(List.of(full(key('b'))), spool.read(segments.get(1)));
    }

    @Test
    void deletedSegmentIsGone() {
        spool = openSpool(1_000_000);
        spool.append(full(key('a')));
        Path segment = spool.sealedSegments().get(0);

        spool.delete(segment);

        assertFalse(Files.exists(segment));
        assertEquals(List.of(), spool.sealedSegments());
    }

    @Test
    void appendIsOnDiskBeforeItReturns() throws IOException {
        spool = openSpool(1_000_000);

        spool.append(full(key('a')));

        Path current = temp.resolve("spool").resolve("current.jsonl");
        assertEquals(Spool.encode(full(key('a'))) + "\n", Files.readString(current, StandardCharsets.UTF_8));
    }

    @Test
    void fullSpoolRefusesTheAppendAndLeavesTheFileUnchanged() throws IOException {
        IncomingNotification n = full(key('a'));
        spool = openSpool(lineBytes(n) + 10);
        spool.append(n);
        Path current = temp.resolve("spool").resolve("current.jsonl");
        byte[] before = Files.readAllBytes(current);

        assertThrows(IllegalStateException.class, () -> spool.append(full(key('b'))));

        assertArrayEquals(before, Files.readAllBytes(current));
        assertEquals(lineBytes(n), spool.depthBytes());
    }

    @Test
    void spoolTooSmallForOneLineCreatesNoFile() {
        spool = openSpool(10);

        assertThrows(IllegalStateException.class, () -> spool.append(full(key('a'))));

        assertFalse(Files.exists(temp.resolve("spool").resolve("current.jsonl")));
        assertEquals(0, spool.depthBytes());
    }

    @Test
    void spoolExactlyLargeEnoughTakesTheLine() {
        IncomingNotification n = full(key('a'));
        spool = openSpool(lineBytes(n));

        spool.append(n);

        assertEquals(lineBytes(n), spool.depthBytes());
    }

    @Test
    void tornLastLineIsSkipped() throws IOException {
        spool = openSpool(1_000_000);
        Path segment = temp.resolve("spool").resolve("1.sealed");
        String second = Spool.encode(full(key('b')));
        Files.writeString(
                segment,
                Spool.encode(full(key('a'))) + "\n" + second.substring(0, second.length() / 2),
                StandardCharsets.UTF_8);

        List<IncomingNotification> read = spool.read(segment);

        assertEquals(List.of(full(key('a'))), read);
    }

    @Test
    void unreadableLineInTheMiddleIsSkippedAndTheRestRead() throws IOException {
        spool = openSpool(1_000_000);
        Path segment = temp.resolve("spool").resolve("1.sealed");
        Files.writeString(
                segment,
                Spool.encode(full(key('a'))) + "\n{\"dedupeKey\":\"x\"}\nnot json\n" + Spool.encode(sparse(key('b')))
                        + "\n",
                StandardCharsets.UTF_8);

        assertEquals(List.of(full(key('a')), sparse(key('b'))), spool.read(segment));
    }

    @Test
    void depthTracksAppendsAndDeletes() {
        spool = openSpool(1_000_000);
        IncomingNotification a = full(key('a'));
        IncomingNotification b = sparse(key('b'));

        spool.append(a);
        assertEquals(lineBytes(a), spool.depthBytes());
        spool.append(b);
        assertEquals(lineBytes(a) + lineBytes(b), spool.depthBytes());
        Path first = spool.sealedSegments().get(0);
        assertEquals(lineBytes(a) + lineBytes(b), spool.depthBytes(), "sealing moves bytes, it does not drop them");
        spool.append(a);
        Path second = spool.sealedSegments().get(1);
        spool.delete(first);
        assertEquals(lineBytes(a), spool.depthBytes());
        spool.delete(second);
        assertEquals(0, spool.depthBytes());
    }

    @Test
    void reopenedSpoolCountsWhatIsAlreadyOnDisk() {
        spool = openSpool(1_000_000);
        spool.append(full(key('a')));
        spool.append(full(key('b')));
        long depth = spool.depthBytes();
        spool.close();

        spool = openSpool(1_000_000);

        assertEquals(depth, spool.depthBytes());
        assertEquals(2, spool.read(spool.sealedSegments().get(0)).size());
    }

    @Test
    void reopenedSpoolStillEnforcesItsBoundWithWhatIsOnDisk() {
        IncomingNotification n = full(key('a'));
        spool = openSpool(lineBytes(n) * 2);
        spool.append(n);
        spool.append(n);
        spool.close();

        spool = openSpool(lineBytes(n) * 2);

        assertThrows(IllegalStateException.class, () -> spool.append(n));
    }

    @Test
    void appendAfterCloseReopensTheFile() {
        spool = openSpool(1_000_000);
        spool.append(full(key('a')));
        spool.close();

        spool.append(full(key('b')));

        assertEquals(
                List.of(full(key('a')), full(key('b'))),
                spool.read(spool.sealedSegments().get(0)));
    }

    @Test
    void hasRoomWhileAnotherTypicalNotificationFits() {
        IncomingNotification n = full(key('a'));
        spool = openSpool(lineBytes(n) + 4096);

        boolean before = spool.hasRoom();
        spool.append(n);
        boolean after = spool.hasRoom();
        spool.append(sparse(key('b')));

        assertTrue(before);
        assertTrue(after);
        assertFalse(spool.hasRoom());
    }
}
