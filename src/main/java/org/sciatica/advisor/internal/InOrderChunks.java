package org.sciatica.advisor.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Works through a stream of items on several threads without holding the stream: items are read in
 * chunks (at most {@code maxItems} items or {@code maxWeight} weight each), each chunk is worked on
 * on a pool thread, and the results are handed to the sink in input order, on the calling thread.
 * At most two chunks per thread are in flight, so memory stays flat however long the input. The
 * design of {@code --batch}, shared by {@code --impact} and {@link org.sciatica.advisor.Impact}.
 */
public final class InOrderChunks {
    /**
     * Where the items come from.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Source<T> {
        /** @return the next item, or null at the end */
        @Nullable T next() throws IOException;
    }

    /**
     * Where the results go, in input order.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface Sink<R> {
        /** Takes the result of the next chunk. */
        void accept(R result) throws IOException;
    }

    private InOrderChunks() {
    }

    /**
     * Runs {@code work} over the chunks of {@code source} and hands every result to {@code sink} in
     * input order. An unchecked exception thrown by {@code work} is rethrown here as it was.
     */
    public static <T, R> void run(Source<T> source, Function<List<T>, R> work, Sink<R> sink,
                                  int threads, int maxItems, ToLongFunction<T> weight, long maxWeight) throws IOException {
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sciatica-chunks");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        try {
            List<T> chunk = new ArrayList<>();
            long chunkWeight = 0;
            T item;
            while ((item = source.next()) != null) {
                chunk.add(item);
                chunkWeight += weight.applyAsLong(item);
                if (chunk.size() >= maxItems || chunkWeight >= maxWeight) {
                    List<T> full = chunk;
                    inFlight.add(pool.submit(() -> work.apply(full)));
                    chunk = new ArrayList<>();
                    chunkWeight = 0;
                    while (inFlight.size() > workers * 2) {
                        sink.accept(get(inFlight.poll()));
                    }
                }
            }
            if (!chunk.isEmpty()) {
                List<T> last = chunk;
                inFlight.add(pool.submit(() -> work.apply(last)));
            }
            while (!inFlight.isEmpty()) {
                sink.accept(get(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R get(Future<R> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a worker failed: " + cause, cause);
        }
    }
}
