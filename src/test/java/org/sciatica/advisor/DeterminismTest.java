package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.RecommendationJson;
import org.sciatica.advisor.testing.Cases;

/** Same input, same rules: byte-identical output, whatever the advisor instance or the thread. */
class DeterminismTest {

    private static List<Assessment> mix() {
        List<Assessment> mix = new ArrayList<>();
        for (Cause cause : Cause.values()) {
            for (Sensitivity sensitivity : Sensitivity.values()) {
                mix.add(Cases.client(cause).sensitivity(sensitivity).painLevel(cause.ordinal() + 2)
                        .course(Course.values()[sensitivity.ordinal()])
                        .symptoms(Symptom.STIFFNESS, Symptom.NUMBNESS).tenseAreas(BodyArea.IT_BAND, BodyArea.SOLEUS)
                        .conditions(Condition.values()[(cause.ordinal() + sensitivity.ordinal()) % Condition.values().length])
                        .build());
            }
        }
        mix.add(Cases.herniatedDisc().redFlags(RedFlag.FEVER, RedFlag.SADDLE_ANESTHESIA).build());
        return mix;
    }

    @Test
    void theSameAssessmentTwiceGivesTheSameBytes() {
        for (Assessment a : mix()) {
            assertThat(json(Cases.bundledAdvisor(), a)).isEqualTo(json(Cases.bundledAdvisor(), a));
        }
    }

    @Test
    void twoAdvisorsBuiltFromTheSameRulesGiveTheSameBytes() {
        SciaticaAdvisor other = SciaticaAdvisor.withBundledRules();
        assertThat(other.rulesVersion()).isEqualTo(Cases.bundledAdvisor().rulesVersion());
        for (Assessment a : mix()) {
            assertThat(json(other, a)).as(a.summary()).isEqualTo(json(Cases.bundledAdvisor(), a));
        }
    }

    @Test
    void twoThreadsSharingOneAdvisorGiveWhatOneThreadGives() throws Exception {
        List<Assessment> mix = mix();
        List<String> expected = mix.stream().map(a -> json(Cases.bundledAdvisor(), a)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        answers.clear();
                        for (Assessment a : mix) {
                            answers.add(json(Cases.bundledAdvisor(), a));
                        }
                    }
                    return answers;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherJvmGivesTheSameBytesForTheSameBatch() throws Exception {
        Path input = Path.of("examples/batch.jsonl");
        StringBuilder here = new StringBuilder();
        for (String line : Files.readAllLines(input)) {
            here.append(json(Cases.bundledAdvisor(), AssessmentJson.parse(line))).append('\n');
        }
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.sciatica.advisor.cli.Main", "--batch", input.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String there = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(other.waitFor()).isZero();
        assertThat(there).isEqualTo(here.toString());
    }

    private static String json(SciaticaAdvisor advisor, Assessment a) {
        return RecommendationJson.compact(advisor.advise(a));
    }
}
