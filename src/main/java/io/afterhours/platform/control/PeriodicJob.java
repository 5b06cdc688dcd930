package io.afterhours.platform.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One background job on the container's managed scheduler: its steps run one after the other with a fixed delay
 * between runs, each step guarded on its own, so a failure (database or directory away) is logged with the worker's
 * own message and the job simply runs again next time instead of dying silently, as a task that throws does on a
 * {@link ScheduledExecutorService}. It exists so the workers (outbox, denials, usage, request clock, anchors,
 * retention, spool, simulated bridge, working-hours cache) keep only what is their own: what one run does, how often,
 * and what to say when it fails. The work itself stays claimed in the database, so several instances may run the
 * same job at once.
 *
 * <p>Built once per worker (a field), started when the schema is ready, stopped in the worker's {@code @PreDestroy};
 * stopping a job that never started does nothing.
 */
public final class PeriodicJob {

    /** One step of a run; it may throw, the job catches and reports. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private record Step(List<Work> work, Consumer<Exception> onFailure) {}

    private final Logger log;
    private final List<Step> steps = new ArrayList<>();
    private volatile ScheduledFuture<?> task;

    private PeriodicJob(Logger log) {
        this.log = log;
    }

    /** A job that logs through the worker's own logger, so its lines keep the worker's name. */
    public static PeriodicJob loggingTo(Logger log) {
        return new PeriodicJob(log);
    }

    /**
     * Adds a step of the given parts, run in order; the first that throws ends the step and is logged as a warning
     * with {@code failure} (its {@code {0}} is the exception, made {@link LogSafe}). Later steps still run.
     */
    public PeriodicJob step(String failure, Work... parts) {
        return step(e -> log.log(Level.WARNING, failure, LogSafe.of(e.toString())), parts);
    }

    /** Adds a step whose failure the worker reports itself (another level, or a status it keeps). */
    public PeriodicJob step(Consumer<Exception> onFailure, Work... parts) {
        steps.add(new Step(List.of(parts), onFailure));
        return this;
    }

    /**
     * Work that runs a batch and runs it again at once while it reported a full one ({@code batch} or more), since
     * more is then likely waiting; a short batch ends it until the next run.
     */
    public static Work whileFull(int batch, IntSupplier run) {
        return () -> {
            while (run.getAsInt() >= batch) {
                // a full batch: more may be waiting
            }
        };
    }

    /** Schedules the runs: the first after {@code initialDelay}, then {@code interval} after each one ended. */
    public void start(ScheduledExecutorService scheduler, Duration initialDelay, Duration interval) {
        task = scheduler.scheduleWithFixedDelay(
                this::runNow, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Like {@link #start}, but a zero or negative interval switches the job off: it logs {@code offWarning} (what is
     * lost while off) and never runs. Returns whether it was started.
     */
    public boolean startUnlessOff(
            ScheduledExecutorService scheduler, Duration initialDelay, Duration interval, String offWarning) {
        if (interval.isZero() || interval.isNegative()) {
            log.warning(offWarning);
            return false;
        }
        start(scheduler, initialDelay, interval);
        return true;
    }

    /** One run on the calling thread (at start-up, or when a change must be seen at once); never throws. */
    public void runNow() {
        for (Step step : steps) {
            try {
                for (Work part : step.work()) {
                    part.run();
                }
            } catch (InterruptedException e) {
                // Shutting down: no warning, and the interrupt stays visible to the executor.
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                step.onFailure().accept(e);
            }
        }
    }

    /** Cancels the coming runs; a run under way finishes. */
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }
}
