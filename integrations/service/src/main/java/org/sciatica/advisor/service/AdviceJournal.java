package org.sciatica.advisor.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sciatica.advisor.service.store.DeflatedJson;
import org.sciatica.advisor.service.store.Store;

/**
 * The audit of {@code /advice} answers as an append-only journal in the data directory ({@code --advice-audit journal},
 * the default with the embedded store). A request appends its row with one write to the journal file and answers once
 * the write has returned; a writer thread moves the rows into the store every {@link #FLUSH_MILLIS} ms (at once when
 * half of {@link #MAX_UNMOVED} wait), in one transaction, and then deletes the journal's segment. An append waits while
 * {@link #MAX_UNMOVED} rows wait to be moved, so the store's pace bounds the sustained rate, not memory. A segment left by a killed process, or not moved because the
 * store was down, is replayed into the store (rows already there skipped) on the writer's next turn or at the next start.
 * <p>
 * What survives what: a row whose write returned is in the operating system's page cache, so it survives the process
 * being killed (SIGKILL) exactly as a commit of the embedded store does (H2 writes its file on each commit with
 * {@code WRITE_DELAY=0} and does not fsync either); neither survives a power cut before the kernel writes the page back.
 * <p>
 * A record: one line of JSON with the row's fields and the length of the answer in bytes, then the answer's JSON as sent,
 * deflated ({@link DeflatedJson}; {@code "deflated": true} in the line; 0.2.0 wrote the UTF-8 JSON itself, which a
 * replay still reads), then a newline. A record cut short (the process killed during its write, so never answered) ends the segment.
 */
final class AdviceJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdviceJournal.class);
    /** How often the writer moves the journal's rows into the store. */
    static final long FLUSH_MILLIS = 50;
    /**
     * The most answers waiting to be moved (about half a second of a busy service's answers, some 5 MB deflated): an
     * append waits for room, so a store slower than the requests slows the requests down instead of
     * the backlog (memory, journal files) growing without bound.
     */
    static final int MAX_UNMOVED = 2_000;
    private static final String SUFFIX = ".journal";

    private final Path dir;
    private final Store store;
    private final Object lock = new Object();
    /** Rows appended and not yet moved to the store, by answer id (their report is served from here meanwhile). */
    private final Map<String, DeflatedJson> unmoved = new ConcurrentHashMap<>();
    /** Segments whose rows could not be moved (the store was down): replayed, oldest first, before any newer one. */
    private final List<Path> deferred = new ArrayList<>();
    private final Thread writer;
    private FileChannel segment;
    private Path segmentPath;
    private long sequence;
    private List<Store.Answer> rows = new ArrayList<>();
    private volatile boolean closing;
    private final long flushMillis;
    private final int maxUnmoved;

    private AdviceJournal(Path dir, Store store, long sequence, long flushMillis, int maxUnmoved) throws IOException {
        this.dir = dir;
        this.store = store;
        this.sequence = sequence;
        this.flushMillis = flushMillis;
        this.maxUnmoved = maxUnmoved;
        openSegment();
        this.writer = new Thread(this::run, "advice-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens the journal in {@code dir}, first replaying into the store what a previous process left there.
     *
     * @param dir the journal's directory (created if missing)
     * @param store the store its rows go to
     * @return the open journal
     * @throws Store.Unavailable when left-over rows cannot be replayed
     * @throws IllegalArgumentException when the directory cannot be created or written
     */
    static AdviceJournal open(Path dir, Store store) {
        return open(dir, store, FLUSH_MILLIS, MAX_UNMOVED);
    }

    /** As {@link #open(Path, Store)}, moving rows every {@code flushMillis} ms or when half of {@code maxUnmoved} wait. */
    static AdviceJournal open(Path dir, Store store, long flushMillis, int maxUnmoved) {
        if (flushMillis < 1 || maxUnmoved < 2) {
            throw new IllegalArgumentException("flushMillis must be at least 1 and maxUnmoved at least 2, were " + flushMillis
                    + " and " + maxUnmoved);
        }
        try {
            Files.createDirectories(dir);
            List<Path> left = segments(dir);
            for (Path p : left) {
                replay(p, store);
            }
            long next = left.isEmpty() ? 1 : number(left.get(left.size() - 1)) + 1;
            return new AdviceJournal(dir, store, next, flushMillis, maxUnmoved);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use the audit journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends an answer's row; returns once it is written to the journal file. Waits first while
     * {@link #MAX_UNMOVED} answers wait to be moved to the store.
     *
     * @param answer the row (an answer without cards)
     * @throws IOException when the journal cannot be written (the row is then not recorded)
     */
    void append(Store.Answer answer) throws IOException {
        if (!answer.cards().isEmpty() || answer.json() == null) {
            throw new IllegalArgumentException("answer: the journal records plain answers (JSON, no cards), was " + answer.answerId());
        }
        ByteBuffer record = encode(answer);
        synchronized (lock) {
            try {
                while (unmoved.size() >= maxUnmoved && !closing) {
                    lock.wait(); // the writer is moving a batch: notified when it is done
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the audit journal was full");
            }
            if (closing && segment == null) {
                throw new IOException("the audit journal is closed");
            }
            while (record.hasRemaining()) {
                segment.write(record);
            }
            rows.add(answer);
            unmoved.put(answer.answerId(), answer.json());
            if (rows.size() >= maxUnmoved / 2) {
                lock.notifyAll(); // the writer moves them now rather than at its next turn
            }
        }
    }

    /** @return how many answers wait to be moved to the store */
    int unmovedCount() {
        return unmoved.size();
    }

    /** @return the JSON of an answer still in the journal (not yet in the store), if it is one */
    Optional<String> unmovedJson(String answerId) {
        return Optional.ofNullable(unmoved.get(answerId)).map(DeflatedJson::json);
    }

    /** Moves what is left into the store (when it can be reached; otherwise it stays on disk for the next start). */
    @Override
    public void close() {
        closing = true; // not an interrupt: one during the store's file write would close its file channel
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        move();
        synchronized (lock) {
            try {
                segment.close();
                if (rows.isEmpty()) {
                    Files.deleteIfExists(segmentPath);
                }
            } catch (IOException e) {
                LOG.warn("event=audit_journal_close_failed segment={} reason=\"{}\"", segmentPath, e.getMessage());
            }
            segment = null;
        }
    }

    private void run() {
        while (!closing) {
            try {
                synchronized (lock) {
                    if (rows.size() < maxUnmoved / 2 && !closing) {
                        lock.wait(flushMillis);
                    }
                }
            } catch (InterruptedException e) {
                return; // close() moves what is left
            }
            if (!closing) {
                move();
            }
        }
    }

    /** Starts a new segment, then moves the rows of the last one (and of any deferred before it) into the store. */
    private void move() {
        Path done;
        List<Store.Answer> batch;
        synchronized (lock) {
            if (rows.isEmpty() && deferred.isEmpty()) {
                return;
            }
            done = segmentPath;
            batch = rows;
            if (!batch.isEmpty()) { // an empty segment stays open for the next rows
                rows = new ArrayList<>();
                try {
                    segment.close();
                    openSegment();
                } catch (IOException e) {
                    LOG.warn("event=audit_journal_failed segment={} reason=\"{}\"", segmentPath, e.getMessage());
                    deferred.add(done); // its rows are on disk: moved on a later turn or at the next start
                    batch.forEach(a -> unmoved.remove(a.answerId()));
                    lock.notifyAll();
                    return; // appends fail (and are logged) until a segment can be opened
                }
            }
        }
        try {
            while (!deferred.isEmpty()) {
                replay(deferred.get(0), store);
                deferred.remove(0);
            }
            if (!batch.isEmpty()) {
                store.recordAnswers(batch);
                Files.delete(done);
            }
        } catch (IOException | RuntimeException e) {
            if (!batch.isEmpty()) {
                deferred.add(done);
            }
            LOG.warn("event=audit_deferred answers={} segments_waiting={} note=\"kept in the journal, moved when the store is back\" "
                    + "reason=\"{}\"", batch.size(), deferred.size(), e.toString());
        } finally {
            batch.forEach(a -> unmoved.remove(a.answerId()));
            synchronized (lock) {
                lock.notifyAll(); // room for appends waiting
            }
        }
    }

    private void openSegment() throws IOException {
        segmentPath = dir.resolve(String.format("advice-%012d%s", sequence++, SUFFIX));
        segment = FileChannel.open(segmentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("advice-\\d{12}\\" + SUFFIX))
                    .sorted().toList();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring("advice-".length(), name.length() - SUFFIX.length()));
    }

    /** Moves a segment's rows that the store does not have yet into it, then deletes the segment. */
    private static void replay(Path segment, Store store) throws IOException {
        List<Store.Answer> answers = decode(segment);
        List<Store.Answer> missing = answers.stream().filter(a -> !store.hasAnswer(a.answerId())).toList();
        if (!missing.isEmpty()) {
            store.recordAnswers(missing);
        }
        Files.delete(segment);
        LOG.info("event=audit_replayed segment={} answers={} stored={}", segment.getFileName(), answers.size(), missing.size());
    }

    static ByteBuffer encode(Store.Answer answer) {
        ObjectNode head = Json.MAPPER.createObjectNode();
        head.put("answerId", answer.answerId());
        head.put("answeredAt", answer.answeredAt().toString());
        head.put("service", answer.service());
        head.put("rulesVersion", answer.rulesVersion());
        if (answer.hookInstance() != null) {
            head.put("hookInstance", answer.hookInstance());
        }
        if (answer.assessmentHash() != null) {
            head.put("assessmentHash", answer.assessmentHash());
        }
        if (answer.disposition() != null) {
            head.put("disposition", answer.disposition());
        }
        byte[] json = answer.json().deflated();
        head.put("deflated", true);
        head.put("length", json.length);
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(h.length + 1 + json.length + 1).put(h).put((byte) '\n').put(json).put((byte) '\n').flip();
    }

    /** The complete records of a segment; a record cut short ends it (its request was never answered). */
    static List<Store.Answer> decode(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        List<Store.Answer> answers = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int eol = at;
            while (eol < bytes.length && bytes[eol] != '\n') {
                eol++;
            }
            JsonNode head;
            try {
                head = eol < bytes.length ? Json.MAPPER.readTree(bytes, at, eol - at) : null;
            } catch (IOException e) {
                head = null;
            }
            int length = head == null ? -1 : head.path("length").asInt(-1);
            int end = eol + 1 + length;
            if (length < 0 || end >= bytes.length || bytes[end] != '\n') {
                LOG.warn("event=audit_journal_cut segment={} at_byte={} note=\"a record cut short: the process stopped while writing it, "
                        + "before its answer was sent\"", segment.getFileName(), at);
                break;
            }
            answers.add(new Store.Answer(head.get("answerId").asText(), Instant.parse(head.get("answeredAt").asText()),
                    head.get("service").asText(), text(head, "hookInstance"), head.get("rulesVersion").asText(),
                    text(head, "assessmentHash"), text(head, "disposition"),
                    head.path("deflated").asBoolean()
                            ? DeflatedJson.fromDeflated(java.util.Arrays.copyOfRange(bytes, eol + 1, end))
                            : DeflatedJson.of(new String(bytes, eol + 1, length, StandardCharsets.UTF_8)), // written by 0.2.0
                    List.of()));
            at = end + 1;
        }
        return answers;
    }

    private static @Nullable String text(JsonNode head, String name) {
        JsonNode v = head.get(name);
        return v == null ? null : v.asText();
    }
}
