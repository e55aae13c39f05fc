package org.sciatica.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.sciatica.advisor.internal.InputSpace;

/**
 * Checks a rule set against the safety table before any client sees it: every assessment of the
 * input space (or a stated, seeded sample of it) is answered, and every answer goes through the
 * runtime safety monitor, as it would for a client. Each break is listed with its safety line,
 * the rules involved, how many answers broke it and an example input, so that a clinic's CI fails
 * on a rule change instead of a client getting a refused answer.
 *
 * <pre>{@code
 * SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(Path.of("clinic-rules")).build();
 * SafetyVerification.Report report = SafetyVerification.sample(advisor, 20_000, 42);
 * if (!report.passed()) {
 *     System.err.print(report.text());
 * }
 * }</pre>
 *
 * <p>The input space is every cause, sensitivity, inflammation, course (absent included) and pain
 * level at the edges of mild, moderate and severe; each with no finding, with every single red
 * flag, condition and symptom and with combinations that meet on a technique, an area or an
 * urgency; each with no age, age 19 and age 50, with no tense area or with the areas the safety
 * table names, and with each combination of the clinic findings the rules declare (each on or
 * off). Answers are given as of the advisor's date ({@link SciaticaAdvisor#asOf()}). A deliberate,
 * written departure from a line ({@code safety-departures.csv}) is not a break.
 */
public final class SafetyVerification {
    private SafetyVerification() {
    }

    /**
     * How many assessments the input space holds for these rules (it grows with their declared
     * clinic findings).
     *
     * @param advisor the rules
     * @return the size of the input space
     * @throws NullPointerException if {@code advisor} is null
     */
    public static long spaceSize(SciaticaAdvisor advisor) {
        return InputSpace.of(Objects.requireNonNull(advisor, "advisor").clinicFindings()).size();
    }

    /**
     * Answers every assessment of the input space (about half a million with the bundled rules;
     * tens of seconds on a few cores).
     *
     * @param advisor the rules to verify
     * @return the report
     * @throws NullPointerException if {@code advisor} is null
     */
    public static Report wholeSpace(SciaticaAdvisor advisor) {
        InputSpace space = InputSpace.of(Objects.requireNonNull(advisor, "advisor").clinicFindings());
        return run(advisor, space, LongStream.range(0, space.size()).toArray(), null);
    }

    /**
     * Answers a sample of the input space: {@code size} different assessments drawn with this
     * seed, the same ones on every run. A size at least the space's checks the whole space.
     *
     * @param advisor the rules to verify
     * @param size    how many assessments, 1 or more
     * @param seed    the seed of the draw
     * @return the report, which states the sample's size and seed
     * @throws IllegalArgumentException if {@code size} is less than 1
     * @throws NullPointerException     if {@code advisor} is null
     */
    public static Report sample(SciaticaAdvisor advisor, int size, long seed) {
        Objects.requireNonNull(advisor, "advisor");
        if (size < 1) {
            throw new IllegalArgumentException("size must be 1 or more, was " + size);
        }
        InputSpace space = InputSpace.of(advisor.clinicFindings());
        if (size >= space.size()) {
            return run(advisor, space, LongStream.range(0, space.size()).toArray(), null);
        }
        long[] indices = new java.util.SplittableRandom(seed).longs(0, space.size()).distinct().limit(size).sorted().toArray();
        return run(advisor, space, indices, seed);
    }

    private static Report run(SciaticaAdvisor advisor, InputSpace space, long[] indices, @Nullable Long seed) {
        record Key(int line, List<String> ruleIds) {
        }
        final class Found {
            long count;
            long firstIndex = Long.MAX_VALUE;
            String message = "";

            synchronized void add(long index, String text) {
                count++;
                if (index < firstIndex) {
                    firstIndex = index;
                    message = text;
                }
            }
        }
        Map<Key, Found> found = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong broken = new java.util.concurrent.atomic.AtomicLong();
        java.util.Arrays.stream(indices).parallel().forEach(index -> {
            Assessment a = space.get(index);
            try {
                advisor.advise(a);
            } catch (SafetyViolationException e) {
                broken.incrementAndGet();
                found.computeIfAbsent(new Key(e.line(), e.ruleIds()), k -> new Found()).add(index, String.valueOf(e.getMessage()));
            } catch (IllegalStateException e) {
                broken.incrementAndGet();
                found.computeIfAbsent(new Key(0, List.of()), k -> new Found())
                        .add(index, "a rule failed while running: " + e.getMessage());
            }
        });
        List<Break> breaks = new ArrayList<>();
        found.forEach((key, f) -> breaks.add(new Break(key.line(), key.ruleIds(), f.message, space.get(f.firstIndex), f.count)));
        breaks.sort(Comparator.comparingInt(Break::safetyLine).thenComparing(b -> String.join(",", b.ruleIds())));
        return new Report(advisor.rulesVersion(), space.size(), indices.length, seed, broken.get(), breaks);
    }

    /**
     * What a verification found.
     *
     * @param rulesVersion  the rules verified ({@link SciaticaAdvisor#rulesVersion()})
     * @param spaceSize     how many assessments the input space holds
     * @param checked       how many were answered: the whole space, or the sample's size
     * @param seed          the seed of the sample, or null when the whole space was checked
     * @param brokenAnswers how many answers the safety monitor refused (or the rules failed on)
     * @param breaks        each kind of break once: by safety line and rules involved, in line order
     */
    public record Report(String rulesVersion, long spaceSize, long checked, @Nullable Long seed, long brokenAnswers,
                         List<Break> breaks) {
        /**
         * Checks and copies the values.
         *
         * @param rulesVersion the rules version
         * @param spaceSize the space size
         * @param checked the number checked
         * @param seed the seed, or null
         * @param brokenAnswers the number of broken answers
         * @param breaks the breaks
         */
        public Report {
            Objects.requireNonNull(rulesVersion, "rulesVersion");
            breaks = List.copyOf(breaks);
        }

        /**
         * True when no answer broke a line.
         *
         * @return whether the rules passed
         */
        public boolean passed() {
            return breaks.isEmpty();
        }

        /**
         * True when every assessment of the space was answered, not a sample.
         *
         * @return whether the whole space was checked
         */
        public boolean wholeSpace() {
            return checked == spaceSize;
        }

        /**
         * The report for people: what was checked, then each break with its line, rules, count,
         * message and example.
         *
         * @return several lines, ending with a line break
         */
        public String text() {
            StringBuilder out = new StringBuilder();
            out.append("Checked ").append(checked).append(wholeSpace() ? " assessments: the whole input space"
                            : " assessments: a sample of the input space of " + spaceSize + ", seed " + seed)
                    .append(", with rules ").append(rulesVersion).append('\n');
            if (passed()) {
                out.append("No safety line broken.\n");
                return out.toString();
            }
            out.append(brokenAnswers).append(brokenAnswers == 1 ? " answer" : " answers").append(" refused, ")
                    .append(breaks.size()).append(breaks.size() == 1 ? " kind of break" : " kinds of break").append(":\n");
            for (Break b : breaks) {
                out.append(b.safetyLine() == 0 ? "- rules failed while running" : "- safety line " + b.safetyLine())
                        .append(", rules involved: ").append(b.ruleIds().isEmpty() ? "(none named)" : String.join(", ", b.ruleIds()))
                        .append(" (").append(b.count()).append(b.count() == 1 ? " answer)" : " answers)").append('\n')
                        .append("  ").append(b.message()).append('\n')
                        .append("  for example: ").append(b.example().summary()).append('\n');
            }
            return out.toString();
        }
    }

    /**
     * One kind of break: a safety line broken with the same rules involved.
     *
     * @param safetyLine the safety-table line, or 0 when rules failed while running
     * @param ruleIds    the rules involved, as the safety monitor names them
     * @param message    what the monitor said for the example
     * @param example    the first assessment of the space (in its order) that broke it
     * @param count      how many answers broke it
     */
    public record Break(int safetyLine, List<String> ruleIds, String message, Assessment example, long count) {
        /**
         * Checks and copies the values.
         *
         * @param safetyLine the safety line
         * @param ruleIds the rule ids
         * @param message the message
         * @param example the example
         * @param count the count
         */
        public Break {
            ruleIds = List.copyOf(ruleIds);
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(example, "example");
        }
    }
}
