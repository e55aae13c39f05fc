package org.sciatica.advisor.service.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An answer's JSON as the audit keeps it: its UTF-8 bytes deflated (raw DEFLATE, RFC 1951, fastest level), about a
 * third of the size. The {@code /advice} answers are deflated by the threads that work them out, so the store's single
 * writer (and the journal's file and memory) handle a third of the bytes.
 */
public final class DeflatedJson {
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private final byte[] deflated;

    private DeflatedJson(byte[] deflated) {
        this.deflated = deflated;
    }

    /**
     * Deflates JSON.
     *
     * @param utf8 the JSON's UTF-8 bytes
     * @return it deflated
     */
    public static DeflatedJson of(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        Deflater d = DEFLATERS.get();
        d.reset();
        d.setInput(utf8);
        d.finish();
        byte[] out = new byte[utf8.length / 2 + 64];
        int n = 0;
        while (!d.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += d.deflate(out, n, out.length - n);
        }
        return new DeflatedJson(Arrays.copyOf(out, n));
    }

    /** As {@link #of(byte[])}, from a string. */
    public static DeflatedJson of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * JSON deflated before, as read back from the store or a journal.
     *
     * @param deflated the deflated bytes (copied)
     * @return the JSON they hold
     * @throws IllegalArgumentException when they are not raw DEFLATE data
     */
    public static DeflatedJson fromDeflated(byte[] deflated) {
        DeflatedJson d = new DeflatedJson(deflated.clone());
        d.json(); // checks the data now, not when a report is asked for
        return d;
    }

    /** Deflated bytes read back from the store (not copied, not checked: {@link #json()} checks them). */
    static DeflatedJson wrap(byte[] deflated) {
        return new DeflatedJson(deflated);
    }

    /** @return the deflated bytes (a copy) */
    public byte[] deflated() {
        return deflated.clone();
    }

    /** @return how many deflated bytes */
    public int size() {
        return deflated.length;
    }

    /**
     * @return the JSON
     * @throws IllegalArgumentException when the bytes are not raw DEFLATE data
     */
    public String json() {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("deflated JSON: the data ends before the JSON does");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("deflated JSON: not DEFLATE data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeflatedJson other && Arrays.equals(deflated, other.deflated);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(deflated);
    }

    @Override
    public String toString() {
        return "DeflatedJson[" + deflated.length + " bytes]";
    }
}
