package org.sciatica.advisor.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where {@code /advice} answers are worked out: a few threads (by default one per core) taking requests in the order
 * they arrived. The HTTP threads only read requests and write answers; the rules, the JSON and the audit row are done
 * here.
 * <p>
 * Why: the work of an answer is all CPU. When 16 HTTP threads each worked out their own answer on 2 cores, the cores
 * were shared by time slices, a thread holding a lock (the audit journal's, the random source of the answer ids, one
 * inside Drools) was often paused with others waiting on it, and the journal's writer got one seventeenth of the CPU.
 * With 64 clients that kept the p99 near 130 ms against a median of 15 ms. In line, an answer waits its turn and then
 * runs without interruption, so the latency is close to the queue ahead of it.
 * <p>
 * At most {@code maxWaiting} answers wait; beyond that a request is refused (HTTP 503 with {@code Retry-After}) rather
 * than queued without bound.
 */
final class AnswerLine implements AutoCloseable {
    /** The most answers waiting to be worked out: about a second of a busy 2-core service's answers. */
    static final int MAX_WAITING = 4_096;

    private final ThreadPoolExecutor executor;

    /**
     * @param threads how many answers are worked out at once
     * @param maxWaiting the most answers waiting their turn
     */
    AnswerLine(int threads, int maxWaiting) {
        if (threads < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("threads and maxWaiting must be at least 1, were " + threads + " and " + maxWaiting);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxWaiting),
                r -> {
                    Thread t = new Thread(r, "answer-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** One thread per core the JVM may use, and {@link #MAX_WAITING}. */
    static AnswerLine perCore() {
        return new AnswerLine(Runtime.getRuntime().availableProcessors(), MAX_WAITING);
    }

    /**
     * Queues the work behind the answers already waiting.
     *
     * @param work what the answer needs done
     * @return its result, when done
     * @throws Full when {@code maxWaiting} answers already wait (or the line is closed)
     */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            throw new Full();
        }
    }

    /** @return how many answers wait their turn */
    int waiting() {
        return executor.getQueue().size();
    }

    /** Lets the answers already queued finish (up to 10 s), then stops the threads. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The line is full (or closed): the request is refused, not queued. */
    static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("too many answers waiting", null, false, false);
        }
    }
}
