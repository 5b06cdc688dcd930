package io.afterhours.intake.control;

import static io.afterhours.intake.control.TestNotifications.full;
import static io.afterhours.intake.control.TestNotifications.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.platform.control.TestDataDirectories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of the spool (reliability.md R1): exactly once when the database is back, never stuck on one bad row. */
class SpoolReplayerTest {

    @TempDir
    java.nio.file.Path temp;

    private Spool spool;
    private NotificationStore store;
    private IntakeMetrics metrics;
    private SpoolReplayer replayer;
    private final List<String> stored = new ArrayList<>();

    @BeforeEach
    void setUp() {
        spool = new Spool();
        spool.dataDirectory = TestDataDirectories.at(temp);
        spool.maxBytes = 1_000_000;
        spool.open();
        store = mock(NotificationStore.class);
        metrics = mock(IntakeMetrics.class);
        replayer = new SpoolReplayer();
        replayer.spool = spool;
        replayer.store = store;
        replayer.metrics = metrics;
    }

    @AfterEach
    void closeSpool() {
        spool.close();
    }

    @Test
    void storesEverySpooledNotificationAndEmptiesTheSpool() throws SQLException {
        when(store.insert(anyList())).thenAnswer(call -> record(call.getArgument(0)));
        spool.append(full(key('a')));
        spool.append(full(key('b')));

        replayer.replay();

        assertEquals(List.of(key('a'), key('b')), stored);
        assertEquals(0, spool.depthBytes());
        assertTrue(spool.sealedSegments().isEmpty());
    }

    @Test
    void keepsTheSegmentWhileTheDatabaseIsDown() throws SQLException {
        when(store.insert(anyList())).thenThrow(new SQLException("connection refused", "08001"));
        when(store.databaseAnswers()).thenReturn(false);
        spool.append(full(key('a')));

        assertThrows(SQLException.class, () -> replayer.replay());

        assertEquals(1, spool.sealedSegments().size());
        assertTrue(spool.depthBytes() > 0);
    }

    @Test
    void quarantinesARowTheDatabaseRefusesAndStoresTheOthers() throws Exception {
        when(store.databaseAnswers()).thenReturn(true);
        when(store.insert(anyList())).thenAnswer(call -> {
            List<IncomingNotification> batch = call.getArgument(0);
            if (batch.stream().anyMatch(n -> n.dedupeKey().equals(key('b')))) {
                throw new SQLException("value too long", "22001");
            }
            return record(batch);
        });
        spool.append(full(key('a')));
        spool.append(full(key('b')));
        spool.append(full(key('c')));

        replayer.replay();

        assertEquals(List.of(key('a'), key('c')), stored);
        assertTrue(spool.sealedSegments().isEmpty(), "the spool is not stuck on the bad row");
        String quarantined = Files.readString(spool.quarantineFile(), StandardCharsets.UTF_8);
        assertTrue(quarantined.contains(key('b')) && quarantined.contains("22001"), quarantined);
        verify(metrics).quarantined(full(key('b')).serverSlot());
    }

    private List<StoreOutcome> record(List<IncomingNotification> batch) {
        batch.forEach(n -> stored.add(n.dedupeKey()));
        return batch.stream().map(n -> StoreOutcome.STORED).toList();
    }
}
