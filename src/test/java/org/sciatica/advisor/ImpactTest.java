package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.ImpactReport.Change;
import org.sciatica.advisor.ImpactReport.Example;
import org.sciatica.advisor.ImpactReport.Kind;
import org.sciatica.advisor.ImpactReport.LineError;
import org.sciatica.advisor.ImpactReport.Refusal;
import org.sciatica.advisor.ImpactReport.Side;
import org.sciatica.advisor.ImpactReport.Verdict;
import org.sciatica.advisor.testing.Cases;

/** {@link Impact}: what a rule change does to the answers, counted by kind, with a verdict. */
class ImpactTest {
    private static final SciaticaAdvisor BUNDLED = Cases.bundledAdvisor();

    @TempDir
    static Path dir;
    /** The bundled rules as a rule directory, and the same without CI-09 (acute inflammation). */
    private static SciaticaAdvisor rules;
    private static SciaticaAdvisor rulesWithoutCi09;
    /** The bundled rules with CI-09 replaced by CL-09: the same exclusions, no ACUTE_INFLAMMATION warning. */
    private static SciaticaAdvisor quietAcuteInflammation;

    @BeforeAll
    static void loadRuleCopies() throws IOException {
        rules = SciaticaAdvisor.builder().withoutBundledRules().addRuleDirectory(Path.of("rules")).build();
        rulesWithoutCi09 = SciaticaAdvisor.builder().withoutBundledRules()
                .addRuleDirectory(ImpactFixtures.bundledRulesWithout("CI-09", Files.createDirectory(dir.resolve("without-ci-09")))).build();
        quietAcuteInflammation = SciaticaAdvisor.builder()
                .addRuleDirectory(ImpactFixtures.quietAcuteInflammationRule(Files.createDirectory(dir.resolve("quiet")))).build();
    }

    private static Assessment.Builder client(String id, Cause cause, Sensitivity sensitivity, Inflammation inflammation, int pain) {
        return Assessment.builder().id(id).cause(cause).sensitivity(sensitivity).inflammation(inflammation).painLevel(pain);
    }

    private static final Assessment ACUTE_TENSION = client("acute-tension", Cause.MUSCLE_TENSION, Sensitivity.LOW, Inflammation.ACUTE, 3).build();
    private static final Assessment CALM = client("calm", Cause.MUSCLE_TENSION, Sensitivity.LOW, Inflammation.NONE, 3).build();
    private static final Assessment ACUTE_DISC = client("acute-disc", Cause.HERNIATED_DISC, Sensitivity.MODERATE, Inflammation.ACUTE, 6).build();

    /** Every cause, sensitivity, inflammation and pain level, with and without a condition or a red flag. */
    private static List<Assessment> sweep() {
        List<Assessment> all = new ArrayList<>();
        for (Cause cause : Cause.values()) {
            for (Sensitivity s : Sensitivity.values()) {
                for (Inflammation i : Inflammation.values()) {
                    for (int pain = 0; pain <= 10; pain += 2) {
                        String id = cause + "/" + s + "/" + i + "/" + pain;
                        all.add(client(id, cause, s, i, pain).build());
                        all.add(client(id + "/varicose", cause, s, i, pain).conditions(Condition.VARICOSE_VEINS).build());
                        all.add(client(id + "/fever", cause, s, i, pain).redFlags(RedFlag.FEVER).build());
                    }
                }
            }
        }
        return all;
    }

    @Test
    void twoIdenticalRuleSetsChangeNoAnswer() {
        List<Assessment> sweep = sweep();
        ImpactReport report = Impact.of(BUNDLED, rules).compare(sweep);
        assertThat(report.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(report.assessments()).isEqualTo(sweep.size());
        assertThat(report.changed()).isZero();
        assertThat(report.lessCautious()).isZero();
        assertThat(report.unsafe()).isZero();
        assertThat(report.errors()).isZero();
        assertThat(report.changes()).hasSize(Kind.values().length).allSatisfy(c -> {
            assertThat(c.count()).isZero();
            assertThat(c.ruleIds()).isEmpty();
            assertThat(c.examples()).isEmpty();
        });
    }

    @Test
    void aCandidateThatDropsTheAcuteInflammationWarningIsLessCautiousAndNamesTheReplacedRule() {
        ImpactReport report = Impact.of(BUNDLED, quietAcuteInflammation).compare(List.of(ACUTE_TENSION, CALM, ACUTE_DISC));
        assertThat(report.verdict()).isEqualTo(Verdict.LESS_CAUTIOUS);
        assertThat(report.assessments()).isEqualTo(3);
        assertThat(report.changed()).as("the calm client is answered as before").isEqualTo(2);
        assertThat(report.lessCautious()).isEqualTo(2);
        assertThat(report.unsafe()).isZero();

        Change disposition = report.change(Kind.DISPOSITION);
        assertThat(disposition.count()).as("the disc client stays cautious for its nerve compression").isEqualTo(1);
        assertThat(disposition.lessCautious()).isEqualTo(1);
        assertThat(disposition.ruleIds()).containsExactly("CI-09", "CL-09");
        assertThat(disposition.examples()).containsExactly(new Example(1, "acute-tension", "PROCEED_WITH_CAUTION", "PROCEED", true));

        Change removed = report.change(Kind.WARNING_REMOVED);
        assertThat(removed.count()).isEqualTo(2);
        assertThat(removed.lessCautious()).isEqualTo(2);
        assertThat(removed.ruleIds()).containsExactly("CI-09", "CL-09");
        assertThat(removed.examples()).extracting(Example::line).containsExactly(1L, 3L);
        assertThat(removed.examples().get(0).before()).contains("ACUTE_INFLAMMATION", "NO_DIRECT_NERVE_PRESSURE");
        assertThat(removed.examples().get(0).after()).isEqualTo("NO_DIRECT_NERVE_PRESSURE");

        assertThat(report.change(Kind.RULES_FIRED).examples()).containsExactly(
                new Example(1, "acute-tension", "CI-09", "CL-09", false), new Example(3, "acute-disc", "CI-09", "CL-09", false));
        for (Kind unchanged : List.of(Kind.URGENCY, Kind.FIRST_TECHNIQUE, Kind.TECHNIQUE_EXCLUDED, Kind.TECHNIQUE_ALLOWED,
                Kind.PRESSURE_RAISED, Kind.PRESSURE_LOWERED, Kind.WARNING_ADDED, Kind.FOCUS_AREAS, Kind.PLAN)) {
            assertThat(report.change(unchanged).count()).as(unchanged.name()).isZero();
        }
    }

    @Test
    void aCandidateWithoutTheAcuteInflammationRuleIsGatedAndNamesCi09() {
        ImpactReport report = Impact.of(rules, rulesWithoutCi09).compare(List.of(ACUTE_TENSION, CALM, ACUTE_DISC));
        // Without a safety monitor the two acute answers are less cautious; the runtime safety monitor
        // refuses them instead (line 4: hot stones allowed with acute inflammation). Either gates.
        assertThat(report.verdict()).isIn(Verdict.LESS_CAUTIOUS, Verdict.UNSAFE);
        assertThat(report.changed() + report.unsafe()).isEqualTo(2);
        assertThat(report.lessCautious() + report.unsafe()).isEqualTo(2);
        List<String> named = new ArrayList<>(report.unsafeRuleIds());
        report.changes().forEach(c -> named.addAll(c.ruleIds()));
        assertThat(named).contains("CI-09");
        if (report.verdict() == Verdict.LESS_CAUTIOUS) {
            assertThat(report.change(Kind.TECHNIQUE_ALLOWED).examples().get(0))
                    .isEqualTo(new Example(1, "acute-tension", "DEEP_TISSUE, HOT_STONE", "none", true));
            assertThat(report.change(Kind.WARNING_REMOVED).ruleIds()).contains("CI-09");
        }
    }

    @Test
    void aRefusedCandidateAnswerNamesTheRemovedRuleTheMonitorCannotSee() {
        ImpactReport report = ImpactFixtures.monitored(rules, rulesWithoutCi09, advise -> a -> {
            Recommendation r = advise.apply(a);
            if (a.inflammation() == Inflammation.ACUTE && !r.excludes(Technique.HOT_STONE)) {
                throw new SafetyViolationException(4, "acute inflammation: HOT_STONE is not excluded", List.of("TQ-07"));
            }
            return r;
        }).compare(List.of(ACUTE_TENSION, CALM, ACUTE_DISC));
        assertThat(report.verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(report.unsafe()).isEqualTo(2);
        assertThat(report.changed()).isZero();
        assertThat(report.refusals()).extracting(Refusal::line, Refusal::side, Refusal::safetyLine)
                .containsExactly(tuple(1L, Side.CANDIDATE, 4), tuple(3L, Side.CANDIDATE, 4));
        assertThat(report.refusals().get(0).ruleIds()).as("the monitor's rules and CI-09, fired for the baseline, gone from the candidate")
                .contains("CI-09");
        assertThat(report.unsafeRuleIds()).contains("CI-09");
    }

    @Test
    void aRuleThatOnlyAddsCautionChangesAnswersWithoutMakingThemLessCautious() throws IOException {
        Path clinic = Files.createDirectories(dir.resolve("no-vibration"));
        Files.writeString(clinic.resolve("sources.csv"), ImpactFixtures.SOURCES);
        Files.writeString(clinic.resolve("clinic.drl"), """
                package org.clinic.rules;

                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;

                rule "No vibration at pain 3"
                    @id("CL-20")
                    @source("test-fixture")
                when
                    Assessment( painLevel == 3 )
                then
                    insert( new Exclusion(Technique.VIBRATION, "the clinic's vibration device is out of order") );
                end
                """);
        SciaticaAdvisor candidate = SciaticaAdvisor.builder().addRuleDirectory(clinic).build();
        Assessment calmAtFour = CALM.toBuilder().id("calm-at-4").painLevel(4).build();
        ImpactReport report = Impact.of(BUNDLED, candidate).compare(List.of(calmAtFour, CALM));
        assertThat(report.verdict()).isEqualTo(Verdict.CHANGED);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.lessCautious()).isZero();
        Change excluded = report.change(Kind.TECHNIQUE_EXCLUDED);
        assertThat(excluded.ruleIds()).containsExactly("CL-20");
        assertThat(excluded.examples()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.before()).doesNotContain("VIBRATION");
            assertThat(e.after()).contains("VIBRATION");
        });
        assertThat(report.change(Kind.RULES_FIRED).examples()).containsExactly(new Example(2, "calm", "none", "CL-20", false));
    }

    // A test double answers each assessment with the bundled rules after changing it: real answers, chosen differences.

    private static Impact candidateSees(UnaryOperator<Assessment.Builder> change) {
        return ImpactFixtures.between(BUNDLED::advise, a -> BUNDLED.advise(change.apply(a.toBuilder()).build()));
    }

    private static Impact baselineSees(UnaryOperator<Assessment.Builder> change) {
        return ImpactFixtures.between(a -> BUNDLED.advise(change.apply(a.toBuilder()).build()), BUNDLED::advise);
    }

    @Test
    void aCandidateThatRefersWhereTheBaselineProceededIsMoreCautiousThoughTheNerveWarningGoes() {
        ImpactReport report = candidateSees(b -> b.redFlags(RedFlag.FOOT_DROP)).compare(List.of(CALM));
        assertThat(report.verdict()).isEqualTo(Verdict.CHANGED);
        assertThat(report.lessCautious()).isZero();
        assertThat(report.change(Kind.DISPOSITION).examples()).containsExactly(new Example(1, "calm", "PROCEED", "REFER", false));
        assertThat(report.change(Kind.DISPOSITION).ruleIds()).contains("RF-02");
        Change removed = report.change(Kind.WARNING_REMOVED);
        assertThat(removed.count()).isEqualTo(1);
        assertThat(removed.lessCautious()).as("no massage, so no nerve warning: not less cautious").isZero();
        assertThat(removed.examples().get(0).before()).contains("NO_DIRECT_NERVE_PRESSURE");
        assertThat(removed.examples().get(0).after()).contains("RED_FLAG_REFERRAL").doesNotContain("NO_DIRECT_NERVE_PRESSURE");
        assertThat(report.change(Kind.WARNING_ADDED).ruleIds()).contains("RF-02");
        assertThat(report.change(Kind.TECHNIQUE_EXCLUDED).examples().get(0).after())
                .isEqualTo("DEEP_TISSUE, SWEDISH, TRIGGER_POINT, HOT_STONE, VIBRATION");
    }

    @Test
    void aCandidateThatNoLongerRefersIsLessCautiousOnEveryCount() {
        ImpactReport report = baselineSees(b -> b.redFlags(RedFlag.FOOT_DROP)).compare(List.of(CALM));
        assertThat(report.verdict()).isEqualTo(Verdict.LESS_CAUTIOUS);
        assertThat(report.lessCautious()).isEqualTo(1);
        assertThat(report.change(Kind.DISPOSITION).examples()).containsExactly(new Example(1, "calm", "REFER", "PROCEED", true));
        assertThat(report.change(Kind.TECHNIQUE_ALLOWED).lessCautious()).isEqualTo(1);
        assertThat(report.change(Kind.WARNING_REMOVED).lessCautious()).as("RED_FLAG_REFERRAL is gone").isEqualTo(1);
        String first = BUNDLED.advise(CALM).firstTechnique().orElseThrow().technique().name();
        assertThat(report.change(Kind.FIRST_TECHNIQUE).examples()).containsExactly(new Example(1, "calm", "none", first, false));
    }

    @Test
    void anEmergencyReferralThatBecomesUrgentIsLessCautious() {
        Impact impact = ImpactFixtures.between(
                a -> BUNDLED.advise(a.toBuilder().redFlags(RedFlag.SADDLE_ANESTHESIA).build()),
                a -> BUNDLED.advise(a.toBuilder().redFlags(RedFlag.FEVER).build()));
        ImpactReport report = impact.compare(List.of(CALM));
        assertThat(report.verdict()).isEqualTo(Verdict.LESS_CAUTIOUS);
        Change urgency = report.change(Kind.URGENCY);
        assertThat(urgency.examples()).containsExactly(new Example(1, "calm", "EMERGENCY", "URGENT", true));
        assertThat(urgency.ruleIds()).containsExactly("RF-01", "RF-03");
        assertThat(report.change(Kind.DISPOSITION).count()).isZero();
    }

    @Test
    void higherPressureIsLessCautiousAndLowerPressureIsNot() {
        ImpactReport raised = baselineSees(b -> b.sensitivity(Sensitivity.HIGH)).compare(List.of(CALM));
        assertThat(raised.verdict()).isEqualTo(Verdict.LESS_CAUTIOUS);
        assertThat(raised.change(Kind.PRESSURE_RAISED).examples()).singleElement().satisfies(e -> {
            assertThat(e.before()).contains("SWEDISH LIGHT").doesNotContain("MODERATE");
            assertThat(e.after()).contains("SWEDISH MODERATE").doesNotContain("LIGHT");
            assertThat(e.lessCautious()).isTrue();
        });
        assertThat(raised.change(Kind.PRESSURE_RAISED).ruleIds()).contains("CI-10");

        ImpactReport lowered = candidateSees(b -> b.sensitivity(Sensitivity.HIGH)).compare(List.of(CALM));
        assertThat(lowered.verdict()).isEqualTo(Verdict.CHANGED);
        assertThat(lowered.change(Kind.PRESSURE_LOWERED).count()).isEqualTo(1);
        assertThat(lowered.change(Kind.PRESSURE_LOWERED).lessCautious()).isZero();
        assertThat(lowered.change(Kind.TECHNIQUE_EXCLUDED).examples().get(0).after()).isEqualTo("DEEP_TISSUE, TRIGGER_POINT");
    }

    @Test
    void anAnswerTheSafetyMonitorRefusesMakesTheChangeUnsafeAndNamesTheRules() {
        Function<Assessment, Recommendation> monitored = a -> {
            if (a.inflammation() == Inflammation.ACUTE) {
                throw new SafetyViolationException(4, "DEEP_TISSUE recommended with acute inflammation", List.of("CL-09"));
            }
            return BUNDLED.advise(a);
        };
        ImpactReport report = ImpactFixtures.between(BUNDLED::advise, monitored).compare(List.of(CALM, ACUTE_TENSION, CALM));
        assertThat(report.verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(report.assessments()).isEqualTo(3);
        assertThat(report.unsafe()).isEqualTo(1);
        assertThat(report.changed()).isZero();
        assertThat(report.unsafeRuleIds()).containsExactly("CL-09");
        assertThat(report.refusals()).containsExactly(new Refusal(2, "acute-tension", Side.CANDIDATE, 4, List.of("CL-09"),
                "safety line 4 broken: DEEP_TISSUE recommended with acute inflammation (rules involved: CL-09)"));

        ImpactReport baselineRefused = ImpactFixtures.between(monitored, BUNDLED::advise).compare(List.of(ACUTE_TENSION));
        assertThat(baselineRefused.verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(baselineRefused.refusals()).extracting(Refusal::side).containsExactly(Side.BASELINE);
    }

    @Test
    void anAssessmentOnWhichTheRulesFailWhileRunningIsAnErrorNotAComparison() {
        Function<Assessment, Recommendation> failing = a -> {
            if (a.inflammation() == Inflammation.ACUTE) {
                throw new IllegalStateException("rule \"Clinic\" failed in its action: boom");
            }
            return BUNDLED.advise(a);
        };
        ImpactReport report = ImpactFixtures.between(BUNDLED::advise, failing).compare(Stream.of(CALM, ACUTE_TENSION, CALM));
        assertThat(report.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(report.assessments()).isEqualTo(2);
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.errorLines()).containsExactly(
                new LineError(2, null, "the candidate rules failed on this line: rule \"Clinic\" failed in its action: boom"));
    }

    @Test
    void theReportIsTheSameOnAllCoresAsOneByOneAndKeepsTheFirstExamplesInInputOrder() {
        List<Assessment> sweep = sweep();
        Impact impact = Impact.of(BUNDLED, quietAcuteInflammation);
        Impact.Tally oneByOne = impact.tally();
        for (int i = 0; i < sweep.size(); i++) {
            oneByOne.add(i + 1, sweep.get(i));
        }
        ImpactReport expected = oneByOne.report();
        ImpactReport parallel = impact.compare(sweep);
        assertThat(parallel.changes()).isEqualTo(expected.changes());
        assertThat(parallel.toString()).isEqualTo(expected.toString());
        assertThat(parallel.changed()).as("every acute case: CL-09 fires instead of CI-09, even for a referred client")
                .isEqualTo(sweep.stream().filter(a -> a.inflammation() == Inflammation.ACUTE).count());
        assertThat(parallel.change(Kind.WARNING_REMOVED).examples()).hasSize(3)
                .extracting(Example::line).isSorted();
    }

    @Test
    void tallyingInChunksElsewhereAndMergingTheirReportsGivesTheReportOfOneRun() {
        List<Assessment> sweep = sweep();
        Impact impact = Impact.of(BUNDLED, quietAcuteInflammation);
        Impact.Tally oneByOne = impact.tally();
        Impact.Tally merged = impact.tally();
        for (int from = 0; from < sweep.size(); from += 97) {
            Impact.Tally chunk = impact.tally();
            for (int i = from; i < Math.min(from + 97, sweep.size()); i++) {
                oneByOne.add(i + 1, sweep.get(i));
                chunk.add(i + 1, sweep.get(i));
            }
            chunk.addError(from + 1, "painLevel", "a bad line in chunk " + from);
            oneByOne.addError(from + 1, "painLevel", "a bad line in chunk " + from);
            merged.addAll(impact.tally(chunk.report()));
        }
        ImpactReport expected = oneByOne.report();
        ImpactReport report = merged.report();
        assertThat(report.changes()).isEqualTo(expected.changes());
        assertThat(report.errorLines()).isEqualTo(expected.errorLines()).hasSize(10);
        assertThat(report.refusals()).isEqualTo(expected.refusals());
        assertThat(report.unsafeRuleIds()).isEqualTo(expected.unsafeRuleIds());
        assertThat(report.toString()).isEqualTo(expected.toString());
        assertThat(impact.tally(impact.tally().report()).report().toString()).isEqualTo(impact.tally().report().toString());
        assertThatThrownBy(() -> impact.tally((ImpactReport) null)).hasMessage("counted");
    }

    @Test
    void argumentsAreCheckedAndNamed() {
        assertThatThrownBy(() -> Impact.of(null, BUNDLED)).isInstanceOf(NullPointerException.class).hasMessage("baseline");
        assertThatThrownBy(() -> Impact.of(BUNDLED, null)).isInstanceOf(NullPointerException.class).hasMessage("candidate");
        Impact impact = Impact.of(BUNDLED, BUNDLED);
        assertThatThrownBy(() -> impact.compare((Iterable<Assessment>) null)).hasMessage("assessments");
        assertThatThrownBy(() -> impact.compare((Stream<Assessment>) null)).hasMessage("assessments");
        List<Assessment> withNull = new ArrayList<>(List.of(CALM));
        withNull.add(null);
        assertThatThrownBy(() -> impact.compare(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessage("assessments: element 2 is null");
        Impact.Tally tally = impact.tally();
        assertThatThrownBy(() -> tally.add(0, CALM)).isInstanceOf(IllegalArgumentException.class).hasMessage("line must be 1 or more, was 0");
        assertThatThrownBy(() -> tally.add(1, null)).hasMessage("assessment");
        assertThatThrownBy(() -> tally.addError(1, null, null)).hasMessage("message");
        assertThatThrownBy(() -> tally.addAll(tally)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tally.addAll(Impact.of(BUNDLED, BUNDLED).tally())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("later must be another tally of the same Impact");
        assertThatThrownBy(() -> impact.compare(List.of()).change(null)).hasMessage("kind");
    }
}
