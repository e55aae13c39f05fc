package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.testing.Cases;
import org.sciatica.advisor.json.AssessmentJson;

/**
 * Whatever arrives on a line (random JSON, truncated lines, wrong types, huge numbers, nulls,
 * unknown fields, very long texts, deep nesting), the answer is a clear error or a valid
 * recommendation: never another exception, never a stack trace. 4 x 2,500 = 10,000 inputs a run.
 */
class HostileInputProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("id", "cause", "sensitivity", "inflammation", "painLevel",
            "course", "symptoms", "tenseAreas", "redFlags", "conditions");
    private final Batch batch = new Batch(Cases.bundledAdvisor(), null, Progress.quiet(), 1);

    @Property(tries = 2500)
    void nearlyValidAssessmentsGetAnAnswerOrAClearError(@ForAll("nearlyValid") String json) {
        checkOneLine(json);
    }

    @Property(tries = 2500)
    void truncatedLinesGetAClearError(@ForAll("valid") String json, @ForAll("fraction") double cut) {
        String truncated = json.substring(0, (int) (json.length() * cut));
        checkOneLine(truncated);
    }

    @Property(tries = 2500)
    void randomJsonValuesGetAClearError(@ForAll("anyJson") String json) {
        checkOneLine(json);
    }

    @Property(tries = 2500)
    void randomTextGetsAClearError(@ForAll("noise") String text) {
        checkOneLine(text);
    }

    /** Checks the library reader and the batch line both: one answer, or one error naming a field that exists. */
    private void checkOneLine(String line) {
        try {
            Recommendation r = Cases.bundledAdvisor().advise(AssessmentJson.parse(line));
            assertThat(r.techniques().size() + r.excluded().size()).isEqualTo(org.sciatica.advisor.Technique.values().length);
        } catch (InvalidAssessmentException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
            if (e.field() != null) {
                assertThat(e.getMessage()).contains(e.field());
            }
        }
        if (line.indexOf('\n') < 0 && line.indexOf('\r') < 0) {
            String answer = batch.answer(new LineReader.Line(7, line, line.length()));
            if (answer != null) {
                try {
                    JsonNode node = JSON.readTree(answer);
                    assertThat(node.has("disposition") || node.path("line").asInt() == 7).as(answer).isTrue();
                } catch (Exception e) {
                    throw new AssertionError("batch answer is not JSON: " + answer, e);
                }
            } else {
                assertThat(line).isBlank();
            }
        }
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String> valid() {
        return Combinators.combine(
                Arbitraries.of(Cause.class), Arbitraries.of(Sensitivity.class), Arbitraries.of(Inflammation.class),
                Arbitraries.integers().between(0, 10), Arbitraries.of(Course.class).injectNull(0.3),
                Arbitraries.subsetOf(Symptom.values()), Arbitraries.subsetOf(BodyArea.values()),
                Arbitraries.subsetOf(RedFlag.values()).injectDuplicates(0.1))
                .as((cause, sensitivity, inflammation, pain, course, symptoms, areas, flags) -> {
                    ObjectNode o = NODES.objectNode();
                    o.put("cause", cause.name()).put("sensitivity", sensitivity.name())
                            .put("inflammation", inflammation.name()).put("painLevel", pain);
                    if (course != null) {
                        o.put("course", course.name());
                    }
                    symptoms.forEach(s -> o.withArray("symptoms").add(s.name()));
                    areas.forEach(s -> o.withArray("tenseAreas").add(s.name()));
                    flags.forEach(s -> o.withArray("redFlags").add(s.name()));
                    return o.toString();
                });
    }

    @Provide
    Arbitrary<String> nearlyValid() {
        Arbitrary<JsonNode> hostileValue = Arbitraries.oneOf(
                Arbitraries.of(Cause.class).map(c -> (JsonNode) NODES.textNode(c.name())),
                Arbitraries.of(Condition.class).map(c -> (JsonNode) NODES.textNode(c.name())),
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.strings().withChars('x').ofMinLength(1000).ofMaxLength(70_000).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)), new java.math.BigInteger("1" + "0".repeat(40))).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.subsetOf(Symptom.values()).map(set -> {
                    ArrayNode a = NODES.arrayNode();
                    set.forEach(s -> a.add(s.name()));
                    return (JsonNode) a;
                }),
                Arbitraries.integers().between(0, 200).map(n -> {
                    ArrayNode a = NODES.arrayNode();
                    for (int i = 0; i < n; i++) {
                        a.add(RedFlag.values()[i % RedFlag.values().length].name());
                    }
                    return (JsonNode) a;
                }),
                Arbitraries.just(NODES.objectNode().put("nested", "object")));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(valid(), key.list().ofMaxSize(4), hostileValue.list().ofSize(4), Arbitraries.of(true, false))
                .as((base, keys, values, drop) -> {
                    try {
                        ObjectNode o = (ObjectNode) JSON.readTree(base);
                        for (int i = 0; i < keys.size(); i++) {
                            o.set(keys.get(i), values.get(i));
                        }
                        if (drop && !keys.isEmpty()) {
                            o.remove(keys.get(0));
                        }
                        return o.toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Provide
    Arbitrary<String> anyJson() {
        return Arbitraries.recursive(
                () -> Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(10).map(s -> (JsonNode) NODES.textNode(s)),
                        Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                        Arbitraries.just((JsonNode) NODES.nullNode())),
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(l -> {
                            ArrayNode a = NODES.arrayNode();
                            a.addAll(l);
                            return (JsonNode) a;
                        }),
                        Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(6)).list().ofMaxSize(4),
                                inner.list().ofSize(4)).as((ks, vs) -> {
                            ObjectNode o = NODES.objectNode();
                            for (int i = 0; i < ks.size(); i++) {
                                o.set(ks.get(i), vs.get(i));
                            }
                            return (JsonNode) o;
                        })),
                0, 4).map(JsonNode::toString)
                .injectDuplicates(0.01)
                .edgeCases(e -> e.add("[".repeat(100_000)))
                .edgeCases(e -> e.add("{\"id\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ntrufalse\\ ").ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,").ofMinLength(1).ofMaxLength(100_000));
    }
}
