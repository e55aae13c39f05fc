package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.service.store.DeflatedJson;
import org.sciatica.advisor.service.store.Store;

/** The /advice audit journal: rows reach the store, and what a killed process or a store that was down left is replayed. */
class AdviceJournalTest {
    private static Store.Answer answer(String id) {
        return new Store.Answer(id, Instant.parse("2026-12-06T10:00:00Z"), "advice", null, "0.2.0+rules.test", null, "PROCEED",
                DeflatedJson.of("{\"disposition\":\"PROCEED\",\"id\":\"" + id + "\",\"text\":\"gr\u00fc\u00dfe, line\\nbreak\"}"), List.of());
    }

    private static Store store(Path dir) {
        return Store.open(ServiceConfig.defaults(0, dir.resolve("data")).jdbcUrl());
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void anAppendedRowReachesTheStoreWithinAFlushAndItsReportIsServedFromTheJournalMeanwhile(@TempDir Path dir) throws Exception {
        try (Store store = store(dir)) {
            try (AdviceJournal journal = AdviceJournal.open(dir.resolve("journal"), store)) {
                journal.append(answer("a1"));
                assertThat(journal.unmovedJson("a1")).contains(answer("a1").answerJson());
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (store.answerJson("a1").isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(store.answerJson("a1")).contains(answer("a1").answerJson());
            }
            try (var files = Files.list(dir.resolve("journal"))) {
                assertThat(files.toList()).as("segments moved to the store are deleted").isEmpty();
            }
        }
    }

    @Test
    void appendsWaitWhileTheStoreIsBehindSoTheBacklogStaysBounded(@TempDir Path dir) throws Exception {
        try (Store store = store(dir)) {
            // A writer that would wait an hour between turns: only a full half of the backlog makes it move.
            try (AdviceJournal journal = AdviceJournal.open(dir.resolve("journal"), store, 3_600_000, 4)) {
                int most = 0;
                for (int i = 0; i < 40; i++) {
                    journal.append(answer("b" + i));
                    most = Math.max(most, journal.unmovedCount());
                }
                assertThat(most).as("answers waiting to be moved, at most").isLessThanOrEqualTo(4);
            }
            for (int i = 0; i < 40; i++) {
                assertThat(store.answerJson("b" + i)).as("b" + i).contains(answer("b" + i).answerJson());
            }
        }
    }

    @Test
    void aSegmentLeftByAKilledProcessIsReplayedAtStartSkippingRowsAlreadyStoredAndEndingAtARecordCutShort(@TempDir Path dir) throws Exception {
        Path journalDir = Files.createDirectories(dir.resolve("journal"));
        byte[] cut = bytes(AdviceJournal.encode(answer("k4")));
        byte[] segment = concat(bytes(AdviceJournal.encode(answer("k1"))), bytes(AdviceJournal.encode(answer("k2"))),
                bytes(AdviceJournal.encode(answer("k3"))), Arrays.copyOf(cut, cut.length / 2));
        Files.write(journalDir.resolve("advice-000000000007.journal"), segment);
        try (Store store = store(dir)) {
            store.recordAnswers(List.of(answer("k1"))); // moved before the kill, its segment not yet deleted
            try (AdviceJournal journal = AdviceJournal.open(journalDir, store)) {
                assertThat(store.answerJson("k1")).contains(answer("k1").answerJson());
                assertThat(store.answerJson("k2")).contains(answer("k2").answerJson());
                assertThat(store.answerJson("k3")).contains(answer("k3").answerJson());
                assertThat(store.answerJson("k4")).as("cut short: never answered").isEmpty();
                assertThat(journalDir.resolve("advice-000000000007.journal")).doesNotExist();
                journal.append(answer("k5"));
                assertThat(journalDir.resolve("advice-000000000008.journal")).as("numbering goes on after the replayed segment").exists();
            }
        }
    }

    @Test
    void aSegmentWrittenBy020WithThePlainJsonIsStillReplayed(@TempDir Path dir) throws Exception {
        Path journalDir = Files.createDirectories(dir.resolve("journal"));
        String json = answer("p1").answerJson();
        int length = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        // A record exactly as 0.2.0 wrote it: no "deflated" in the head line, the UTF-8 JSON itself after it.
        String record = "{\"answerId\":\"p1\",\"answeredAt\":\"2026-12-06T10:00:00Z\",\"service\":\"advice\","
                + "\"rulesVersion\":\"0.2.0+rules.test\",\"disposition\":\"PROCEED\",\"length\":" + length + "}\n" + json + "\n";
        Files.writeString(journalDir.resolve("advice-000000000003.journal"), record);
        try (Store store = store(dir); AdviceJournal journal = AdviceJournal.open(journalDir, store)) {
            assertThat(store.answerJson("p1")).contains(json);
        }
    }

    @Test
    void theJournalKeepsAnswersDeflatedToUnderAThirdOfTheirSize(@TempDir Path dir) throws Exception {
        String json = "{\"reasons\":[" + "{\"text\":\"flowing Swedish strokes suit pressure sensitivity\",\"ruleId\":\"TQ-03\"},".repeat(40)
                + "{}]}";
        Store.Answer big = new Store.Answer("z1", Instant.parse("2026-12-06T10:00:00Z"), "advice", null, "0.2.0+rules.test", null,
                "PROCEED", DeflatedJson.of(json), List.of());
        int record = AdviceJournal.encode(big).remaining();
        assertThat(record).as("journal record of a %d-byte answer", json.length()).isLessThan(json.length() / 3);
        try (Store store = store(dir)) {
            store.recordAnswers(List.of(big));
            assertThat(store.answerJson("z1")).contains(json);
        }
    }

    @Test
    void withTheStoreDownRowsStayInTheJournalAndReachTheStoreWhenItIsBack(@TempDir Path dir) throws Exception {
        Path journalDir = dir.resolve("journal");
        Store down = store(dir);
        AdviceJournal journal = AdviceJournal.open(journalDir, down);
        down.close();
        journal.append(answer("d1"));
        journal.append(answer("d2"));
        journal.close();
        try (var files = Files.list(journalDir)) {
            assertThat(files.toList()).as("kept on disk").isNotEmpty();
        }
        try (Store back = store(dir); AdviceJournal again = AdviceJournal.open(journalDir, back)) {
            assertThat(back.answerJson("d1")).contains(answer("d1").answerJson());
            assertThat(back.answerJson("d2")).contains(answer("d2").answerJson());
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
