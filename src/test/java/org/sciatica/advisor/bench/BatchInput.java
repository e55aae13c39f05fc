package org.sciatica.advisor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.internal.BenchmarkMix;

/**
 * Writes N JSON lines for the batch throughput benchmark: the benchmark mix over and over, or with
 * a second argument {@code heavy}, 5,000 assessments in which half the clients have a condition
 * and one in seven a red flag (a clinic's hard cases; longer answers), over and over.
 */
public final class BatchInput {
    private BatchInput() {
    }

    public static void main(String[] args) throws IOException {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        ObjectMapper json = new ObjectMapper();
        boolean heavy = args.length > 1 && args[1].equals("heavy");
        if (args.length > 1 && !heavy) {
            throw new IllegalArgumentException("the mix is \"heavy\" or left out, not \"" + args[1] + "\"");
        }
        List<String> mix = (heavy ? BenchmarkMix.heavy() : BenchmarkMix.assessments()).stream().map(a -> toJson(json, a)).toList();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                out.write(mix.get((int) (i % mix.size())));
                out.write('\n');
            }
        }
    }

    /**
     * One assessment as the batch reads it: a JSON line.
     *
     * @param a the assessment
     * @return its JSON, on one line
     */
    public static String line(Assessment a) {
        return toJson(new ObjectMapper(), a);
    }

    private static String toJson(ObjectMapper json, Assessment a) {
        ObjectNode o = json.createObjectNode();
        o.put("id", a.id()).put("cause", a.cause().name()).put("sensitivity", a.sensitivity().name())
                .put("inflammation", a.inflammation().name()).put("painLevel", a.painLevel());
        if (a.course() != null) {
            o.put("course", a.course().name());
        }
        if (a.age() != null) {
            o.put("age", a.age());
        }
        a.symptoms().forEach(s -> o.withArray("symptoms").add(s.name()));
        a.tenseAreas().forEach(s -> o.withArray("tenseAreas").add(s.name()));
        a.redFlags().forEach(s -> o.withArray("redFlags").add(s.name()));
        a.conditions().forEach(s -> o.withArray("conditions").add(s.name()));
        return o.toString();
    }
}
