package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class PortalCopyTest {

    private final AtomicInteger reloads = new AtomicInteger();
    private final AtomicInteger flushes = new AtomicInteger();
    private final PortalCopy copy = new PortalCopy(
            Logger.getLogger(PortalCopyTest.class.getName()),
            "reload failed: {0}",
            reloads::incrementAndGet,
            "flush failed: {0}",
            flushes::incrementAndGet);

    @Test
    void loadsAtStartAgainAfterAChangeAndFlushesOnceMoreWhenStopped() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            copy.start(scheduler, Duration.ofHours(1), Duration.ofHours(1));
            assertEquals(1, reloads.get(), "loaded before the first request");
            copy.reloadNow();
            assertEquals(2, reloads.get(), "a change committed here is seen at once");
            assertEquals(0, flushes.get());
            copy.stop();
            assertEquals(1, flushes.get(), "last-use times are written on the way out");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aFailedReloadKeepsGoing() {
        PortalCopy failing = new PortalCopy(
                Logger.getLogger(PortalCopyTest.class.getName()),
                "reload failed: {0}",
                () -> {
                    throw new IllegalStateException("database away");
                },
                "flush failed: {0}",
                flushes::incrementAndGet);

        failing.reloadNow();
        failing.stop();

        assertEquals(1, flushes.get());
    }
}
