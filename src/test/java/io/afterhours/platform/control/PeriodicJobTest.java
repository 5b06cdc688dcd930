package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    private static final Duration TICK = Duration.ofMillis(10);

    private final Logger log = Logger.getLogger(PeriodicJobTest.class.getName() + ".job");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void setUp() {
        log.setUseParentHandlers(false);
        log.addHandler(capture);
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        log.removeHandler(capture);
    }

    @Test
    void runsAgainAndAgainUntilStopped() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        PeriodicJob job = PeriodicJob.loggingTo(log)
                .step(
                        "failed: {0}",
                        () -> {
                            runs.incrementAndGet();
                            three.countDown();
                        });

        job.start(scheduler, Duration.ZERO, TICK);
        assertTrue(three.await(5, TimeUnit.SECONDS), "three runs");
        job.stop();
        Thread.sleep(50); // a run under way when stopping may still finish
        int afterStop = runs.get();
        Thread.sleep(100);

        assertEquals(afterStop, runs.get(), "no run after stop");
    }

    @Test
    void aFailedRunIsLoggedWithTheWorkersMessageAndTheNextRunStillComes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        PeriodicJob job = PeriodicJob.loggingTo(log)
                .step(
                        "The outbox waits for the next run: {0}",
                        () -> {
                            second.countDown();
                            if (runs.incrementAndGet() == 1) {
                                throw new IllegalStateException("database away\r\nforged line");
                            }
                        });

        job.start(scheduler, Duration.ZERO, TICK);
        assertTrue(second.await(5, TimeUnit.SECONDS), "ran again after the failure");
        job.stop();

        LogRecord warning = firstLogged();
        assertEquals(Level.WARNING, warning.getLevel());
        assertEquals("The outbox waits for the next run: {0}", warning.getMessage());
        assertEquals(
                LogSafe.of("java.lang.IllegalStateException: database away\r\nforged line"),
                warning.getParameters()[0]);
        assertFalse(((String) warning.getParameters()[0]).contains("\n"), "made log-safe");
    }

    @Test
    void eachStepIsGuardedOnItsOwnAndAFailedPartEndsOnlyItsStep() {
        List<String> done = new ArrayList<>();
        PeriodicJob job = PeriodicJob.loggingTo(log)
                .step(
                        "Denials wait: {0}",
                        () -> done.add("denials"),
                        () -> {
                            throw new IllegalStateException("directory down");
                        },
                        () -> done.add("reroute"))
                .step("Timers wait: {0}", () -> done.add("timers"));

        job.runNow();

        assertEquals(List.of("denials", "timers"), done);
        assertEquals("Denials wait: {0}", firstLogged().getMessage());
        assertEquals(1, logged.size());
    }

    @Test
    void aCheckedFailureGoesToTheWorkersOwnHandler() {
        List<Exception> failures = new ArrayList<>();
        PeriodicJob job = PeriodicJob.loggingTo(log).step(failures::add, () -> {
            throw new java.io.IOException("bridge unreachable");
        });

        job.runNow();

        assertEquals(1, failures.size());
        assertEquals("bridge unreachable", failures.get(0).getMessage());
        assertTrue(logged.isEmpty(), "the worker reports it, not the job");
    }

    @Test
    void anInterruptedRunStopsQuietlyAndKeepsTheInterrupt() {
        List<String> done = new ArrayList<>();
        PeriodicJob job = PeriodicJob.loggingTo(log)
                .step(
                        "failed: {0}",
                        () -> {
                            throw new InterruptedException();
                        })
                .step("failed: {0}", () -> done.add("later step"));

        job.runNow();

        assertTrue(Thread.interrupted(), "interrupt kept (and cleared here)");
        assertTrue(done.isEmpty());
        assertTrue(logged.isEmpty());
    }

    @Test
    void aFullBatchRunsAgainAtOnceAndAShortOneEndsTheRun() {
        Deque<Integer> sizes = new ArrayDeque<>(List.of(20, 20, 7, 20));
        AtomicInteger batches = new AtomicInteger();
        PeriodicJob job = PeriodicJob.loggingTo(log)
                .step(
                        "failed: {0}",
                        PeriodicJob.whileFull(20, () -> {
                            batches.incrementAndGet();
                            return sizes.removeFirst();
                        }));

        job.runNow();

        assertEquals(3, batches.get(), "two full batches, then a short one");
        assertEquals(List.of(20), List.copyOf(sizes));
    }

    @Test
    void moreThanAFullBatchAlsoCountsAsFull() {
        Deque<Integer> sizes = new ArrayDeque<>(List.of(75, 0));
        PeriodicJob job = PeriodicJob.loggingTo(log).step("failed: {0}", PeriodicJob.whileFull(50, sizes::removeFirst));

        job.runNow();

        assertTrue(sizes.isEmpty(), "a clock that moved 75 of 50 looks again");
    }

    @Test
    void aZeroOrNegativeIntervalSwitchesTheJobOffWithTheWorkersWarning() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = PeriodicJob.loggingTo(log).step("failed: {0}", runs::incrementAndGet);

        assertFalse(job.startUnlessOff(scheduler, Duration.ZERO, Duration.ZERO, "anchoring is off"));
        assertFalse(job.startUnlessOff(scheduler, Duration.ZERO, Duration.ofSeconds(-1), "anchoring is off"));
        Thread.sleep(50);
        job.stop();

        assertEquals(0, runs.get());
        assertEquals(2, logged.size());
        assertEquals(Level.WARNING, firstLogged().getLevel());
        assertEquals("anchoring is off", firstLogged().getMessage());
    }

    @Test
    void aPositiveIntervalStartsTheJobAndTheFirstRunWaitsForTheInitialDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long[] ranAt = new long[1];
        PeriodicJob job = PeriodicJob.loggingTo(log)
                .step(
                        "failed: {0}",
                        () -> {
                            ranAt[0] = System.nanoTime();
                            ran.countDown();
                        });

        long startedAt = System.nanoTime();
        assertTrue(job.startUnlessOff(scheduler, Duration.ofMillis(200), TICK, "off"));
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        job.stop();

        assertTrue(ranAt[0] - startedAt >= Duration.ofMillis(200).toNanos(), "not before the initial delay");
        assertTrue(logged.isEmpty());
    }

    @Test
    void stoppingAJobThatNeverStartedDoesNothing() {
        // A worker that stayed off (anchoring off, simulator disabled) is still stopped at shutdown.
        assertDoesNotThrow(PeriodicJob.loggingTo(log).step("failed: {0}", () -> {})::stop);
    }

    private LogRecord firstLogged() {
        return logged.get(0);
    }
}
