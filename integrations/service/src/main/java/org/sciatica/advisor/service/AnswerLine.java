package org.sciatica.advisor.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where {@code /advice} answers are worked out: a few threads (by default one per core) taking requests in the order
 * they arrived. The HTTP threads only read requests and write answers; the rules, the JSON and the audit row are done
 * here. When nothing waits and fewer than {@code threads} answers are being worked out, the caller's thread works its
 * answer out itself; either way at most {@code threads} answers are worked out at once.
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
    /** The places: {@code threads} answers worked out at once, on the line's threads or on callers' threads. */
    private final Semaphore places;

    /**
     * @param threads how many answers are worked out at once
     * @param maxWaiting the most answers waiting their turn
     */
    AnswerLine(int threads, int maxWaiting) {
        if (threads < 1 || maxWaiting < 1) {
            throw new IllegalArgumentException("threads and maxWaiting must be at least 1, were " + threads + " and " + maxWaiting);
        }
        this.places = new Semaphore(threads, true);
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
        if (executor.getQueue().isEmpty() && !executor.isShutdown() && freePlace()) {
            // Nothing waits and a place is free: work it out on the caller's thread, sparing one client the hand-over
            // to another thread and back (0.15 ms of a 0.4 ms answer over loopback).
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            } finally {
                places.release();
            }
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                places.acquireUninterruptibly();
                try {
                    return work.get();
                } finally {
                    places.release();
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            throw new Full();
        }
    }

    /** Takes a place if one is free and no answer already waits for one (the semaphore is fair; no barging). */
    private boolean freePlace() {
        try {
            return places.tryAcquire(0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return how many answers wait their turn */
    int waiting() {
        return executor.getQueue().size() + places.getQueueLength();
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
