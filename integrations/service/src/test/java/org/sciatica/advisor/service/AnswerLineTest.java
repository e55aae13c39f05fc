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
    void answersAreWorkedOutInTheOrderTheyWereAskedFor() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        try (AnswerLine line = new AnswerLine(1, 100)) {
            CompletableFuture<Integer> first = line.submit(() -> {
                await(hold);
                done.add(0);
                return 0;
            });
            CompletableFuture<?>[] rest = new CompletableFuture<?>[50];
            for (int i = 1; i <= 50; i++) {
                int n = i;
                rest[i - 1] = line.submit(() -> done.add(n));
            }
            assertThat(line.waiting()).as("waiting behind the first").isEqualTo(50);
            hold.countDown();
            CompletableFuture.allOf(rest).get(10, TimeUnit.SECONDS);
            assertThat(first.get()).isZero();
        }
        assertThat(done).isSortedAccordingTo(Integer::compare).hasSize(51);
    }

    @Test
    void whenTheLineIsFullARequestIsRefusedNotQueued() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        try (AnswerLine line = new AnswerLine(1, 2)) {
            line.submit(() -> await(hold));
            line.submit(() -> "second");
            line.submit(() -> "third");
            assertThatThrownBy(() -> line.submit(() -> "fourth")).isInstanceOf(AnswerLine.Full.class)
                    .hasMessage("too many answers waiting");
            hold.countDown();
        }
    }

    @Test
    void closingLetsTheAnswersAlreadyQueuedFinish() {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<String> queued;
        AnswerLine line = new AnswerLine(1, 10);
        line.submit(() -> await(hold));
        queued = line.submit(() -> "answered");
        new Thread(() -> {
            sleep(100);
            hold.countDown();
        }).start();
        line.close();
        assertThat(queued).isCompletedWithValue("answered");
        assertThatThrownBy(() -> line.submit(() -> "after")).as("closed").isInstanceOf(AnswerLine.Full.class);
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
