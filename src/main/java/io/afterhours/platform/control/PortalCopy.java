package io.afterhours.platform.control;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * The in-memory copy of rows administrators manage in the portal and the hot path reads on every request (the UserLock
 * IDs the webhook accepts, the bridge tokens): read again every refresh and right after a change commits here, and
 * its last-use times written back every flush, so the hot path neither reads nor writes the database. A failed reload
 * keeps the copy it had; a failed flush is retried with the next one.
 */
public final class PortalCopy {

    private final PeriodicJob reloading;
    private final PeriodicJob flushing;

    /** {@code reloadFailure} and {@code flushFailure} are the owner's log messages; {@code {0}} is the error. */
    public PortalCopy(
            Logger log, String reloadFailure, PeriodicJob.Work reload, String flushFailure, PeriodicJob.Work flush) {
        reloading = PeriodicJob.loggingTo(log).step(reloadFailure, reload);
        flushing = PeriodicJob.loggingTo(log).step(flushFailure, flush);
    }

    /** Loads the copy now, then keeps it fresh and flushes the last-use times on the scheduler. */
    public void start(ScheduledExecutorService scheduler, Duration refresh, Duration flushEvery) {
        reloading.runNow();
        reloading.start(scheduler, refresh, refresh);
        flushing.start(scheduler, flushEvery, flushEvery);
    }

    /** After a change committed on this instance: the copy must show it at once. */
    public void reloadNow() {
        reloading.runNow();
    }

    /** Stops both jobs and writes the last-use times one last time. */
    public void stop() {
        reloading.stop();
        flushing.stop();
        flushing.runNow();
    }
}
