package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AnswerLineTest {
    @Test
    void anIdleLineWorksTheAnswerOutOnTheCallersThread() {
        try (AnswerLine line = new AnswerLine(2, 10)) {
            CompletableFuture<String> answer = line.submit(() -> Thread.currentThread().getName());
            assertThat(answer).isCompletedWithValue(Thread.currentThread().getName());
        }
    }

    @Test
    void whenEveryPlaceIsTakenAnswersWaitAndAreWorkedOutInTheOrderTheyWereAskedFor() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        try (AnswerLine line = new AnswerLine(1, 100)) {
            takeThePlace(line, hold);
            CompletableFuture<?>[] rest = new CompletableFuture<?>[50];
            for (int i = 1; i <= 50; i++) {
                int n = i;
                rest[i - 1] = line.submit(() -> done.add(n));
            }
            waitFor(() -> line.waiting() == 50);
            assertThat(line.waiting()).as("waiting behind the answer being worked out").isEqualTo(50);
            assertThat(rest[0]).isNotDone();
            hold.countDown();
            CompletableFuture.allOf(rest).get(10, TimeUnit.SECONDS);
        }
        assertThat(done).isSortedAccordingTo(Integer::compare).hasSize(50);
    }

    @Test
    void whenTheLineIsFullARequestIsRefusedNotQueued() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        try (AnswerLine line = new AnswerLine(1, 2)) {
            takeThePlace(line, hold);
            line.submit(() -> "second"); // taken off the queue by the line's thread, which waits for the place
            waitFor(() -> line.waiting() == 1);
            line.submit(() -> "third");
            line.submit(() -> "fourth");
            assertThat(line.waiting()).isEqualTo(3);
            assertThatThrownBy(() -> line.submit(() -> "fifth")).isInstanceOf(AnswerLine.Full.class)
                    .hasMessage("too many answers waiting");
            hold.countDown();
        }
    }

    @Test
    void closingLetsTheAnswersAlreadyQueuedFinish() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        AnswerLine line = new AnswerLine(1, 10);
        takeThePlace(line, hold);
        CompletableFuture<String> queued = line.submit(() -> "answered");
        new Thread(() -> {
            sleep(100);
            hold.countDown();
        }).start();
        line.close();
        assertThat(queued).isCompletedWithValue("answered");
        assertThatThrownBy(() -> line.submit(() -> "after")).as("closed").isInstanceOf(AnswerLine.Full.class);
    }

    /** Another thread starts an answer that holds the line's one place until {@code hold} is released. */
    private static void takeThePlace(AnswerLine line, CountDownLatch hold) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> line.submit(() -> {
            started.countDown();
            return await(hold);
        }));
        t.setDaemon(true);
        t.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the holding answer started").isTrue();
    }

    @Test
    void refusesALineWithoutThreadsOrRoomByName() {
        assertThatThrownBy(() -> new AnswerLine(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads and maxWaiting must be at least 1, were 0 and 10");
    }

    private static String await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(5);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
