package io.afterhours.intake.control;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import io.afterhours.platform.control.LogSafe;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for intake: request threads queue their notification and wait; a few writer threads take whatever has
 * queued up (up to a batch size) and store it with one commit. Under load this turns thousands of tiny transactions
 * into a few hundred larger ones, which is where persist-then-acknowledge spends its time; when idle a batch is a
 * single row and costs no extra latency. A full queue or a failed batch completes the futures exceptionally, and the
 * caller spools instead.
 */
@ApplicationScoped
public class GroupCommitWriter {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    NotificationStore store;

    @Inject
    @ConfigProperty(name = "afterhours.intake.writer.threads")
    int writerThreads;

    @Inject
    @ConfigProperty(name = "afterhours.intake.writer.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "afterhours.intake.writer.queue-capacity")
    int queueCapacity;

    private BlockingQueue<Pending> queue;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes SchemaReady ready) {
        queue = new ArrayBlockingQueue<>(queueCapacity);
        running = true;
        for (int i = 0; i < writerThreads; i++) {
            Thread worker = threads.newThread(this::drainLoop);
            worker.setName("afterhours-intake-writer-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
    }

    /** True while every writer thread is alive. */
    public boolean isRunning() {
        return running && !workers.isEmpty() && workers.stream().allMatch(Thread::isAlive);
    }

    /** Notifications waiting for their batch. */
    public int queued() {
        return queue == null ? 0 : queue.size();
    }

    /** Queues a notification; the future completes once its batch committed, or exceptionally if it did not. */
    public CompletableFuture<StoreOutcome> submit(IncomingNotification notification) {
        CompletableFuture<StoreOutcome> result = new CompletableFuture<>();
        if (queue == null || !queue.offer(new Pending(notification, result))) {
            result.completeExceptionally(new IllegalStateException("intake queue full or not started"));
        }
        return result;
    }

    private void drainLoop() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<StoreOutcome> outcomes =
                    store.insert(batch.stream().map(Pending::notification).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outcomes.get(i));
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Storing a batch of {0} notifications failed: {1}", new Object[] {
                batch.size(), LogSafe.of(e.toString())
            });
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    private record Pending(IncomingNotification notification, CompletableFuture<StoreOutcome> result) {}
}
