package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.testing.Cases;

/**
 * Every combination of cause x sensitivity x inflammation x course (absent included) x pain level
 * (2,772 cases), each with no finding, with every single red flag and condition, and with a fixed
 * sample of combinations: 36 variants, 99,792 answers. Each answer is checked against the plain-Java
 * oracle of the safety table, for its shape, and for monotonicity (line 14) against the answers to
 * the same case with one thing worse.
 */
class SafetySweepTest {
    private static final List<Set<RedFlag>> FLAG_VARIANTS = new ArrayList<>();
    private static final List<Set<Condition>> CONDITION_VARIANTS = new ArrayList<>();

    static {
        FLAG_VARIANTS.add(Set.of());
        CONDITION_VARIANTS.add(Set.of());
        for (RedFlag flag : RedFlag.values()) {
            FLAG_VARIANTS.add(Set.of(flag));
            CONDITION_VARIANTS.add(Set.of());
        }
        for (Condition condition : Condition.values()) {
            FLAG_VARIANTS.add(Set.of());
            CONDITION_VARIANTS.add(Set.of(condition));
        }
        // A sample of combinations: conditions that together exclude most techniques, and a red flag with a condition.
        List<Set<Condition>> combos = List.of(
                Set.of(Condition.ANTICOAGULANT_THERAPY, Condition.DIABETES),
                Set.of(Condition.OSTEOPOROSIS, Condition.PREGNANCY),
                Set.of(Condition.BLEEDING_DISORDER, Condition.SKIN_CONDITION, Condition.RECENT_SURGERY),
                Set.of(Condition.PERIPHERAL_NEUROPATHY, Condition.VARICOSE_VEINS),
                Set.of(Condition.ANTICOAGULANT_THERAPY, Condition.DIABETES, Condition.OSTEOPOROSIS, Condition.PREGNANCY,
                        Condition.RECENT_SURGERY, Condition.SKIN_CONDITION),
                Set.of(Condition.DEEP_VEIN_THROMBOSIS, Condition.ANTICOAGULANT_THERAPY),
                EnumSet.complementOf(EnumSet.of(Condition.DEEP_VEIN_THROMBOSIS)),
                EnumSet.allOf(Condition.class));
        for (Set<Condition> combo : combos) {
            FLAG_VARIANTS.add(Set.of());
            CONDITION_VARIANTS.add(combo);
        }
        FLAG_VARIANTS.add(Set.of(RedFlag.NIGHT_PAIN, RedFlag.FEVER));
        CONDITION_VARIANTS.add(Set.of(Condition.PREGNANCY));
        FLAG_VARIANTS.add(Set.of(RedFlag.FOOT_DROP, RedFlag.BOWEL_DYSFUNCTION));
        CONDITION_VARIANTS.add(Set.of());
        FLAG_VARIANTS.add(Set.of(RedFlag.HISTORY_OF_CANCER));
        CONDITION_VARIANTS.add(Set.of(Condition.DEEP_VEIN_THROMBOSIS));
        FLAG_VARIANTS.add(EnumSet.allOf(RedFlag.class));
        CONDITION_VARIANTS.add(EnumSet.allOf(Condition.class));
    }

    /** What monotonicity compares: how cautious an answer is. */
    private record Caution(Disposition disposition, Set<Technique> excluded) {
    }

    @Test
    void everyAnswerOverTheWholeInputSpaceKeepsTheSafetyTable() {
        SciaticaAdvisor advisor = Cases.bundledAdvisor();
        Map<String, RuleInfo> catalog = advisor.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
        Map<Assessment, Caution> answers = new HashMap<>();
        List<String> failures = new ArrayList<>();
        List<Course> courses = new ArrayList<>(List.of(Course.values()));
        courses.add(null);

        for (Cause cause : Cause.values()) {
            for (Sensitivity sensitivity : Sensitivity.values()) {
                for (Inflammation inflammation : Inflammation.values()) {
                    for (Course course : courses) {
                        for (int pain = 0; pain <= 10; pain++) {
                            for (int v = 0; v < FLAG_VARIANTS.size(); v++) {
                                Assessment a = Assessment.builder().cause(cause).sensitivity(sensitivity)
                                        .inflammation(inflammation).course(course).painLevel(pain)
                                        .symptoms(Symptom.STIFFNESS).tenseAreas(BodyArea.IT_BAND, BodyArea.PIRIFORMIS)
                                        .redFlags(FLAG_VARIANTS.get(v)).conditions(CONDITION_VARIANTS.get(v)).build();
                                Recommendation r = advisor.advise(a);
                                check(a, r, catalog, failures);
                                answers.put(a, new Caution(r.disposition(), excludedOf(r)));
                            }
                        }
                    }
                }
            }
        }
        assertThat(answers).hasSize(99_792);
        checkMonotonicity(answers, failures);
        assertThat(failures).as("safety-table violations (first 30 shown)").isEmpty();
    }

    private static void check(Assessment a, Recommendation r, Map<String, RuleInfo> catalog, List<String> failures) {
        SafetyOracle.Demand d = SafetyOracle.demand(a);
        String who = a.summary() + ": ";
        List<String> f = new ArrayList<>();

        List<Technique> all = new ArrayList<>();
        r.techniques().forEach(t -> all.add(t.technique()));
        r.excluded().forEach(e -> all.add(e.technique()));
        if (all.size() != 5 || EnumSet.copyOf(all).size() != 5) {
            f.add("each technique must appear exactly once, got " + all);
        }
        if ((d.urgency() != null) != (r.disposition() == Disposition.REFER)) {
            f.add("oracle " + (d.urgency() != null ? "refers" : "does not refer") + " but the rules gave " + r.disposition());
        } else if (d.urgency() != null && r.referral().urgency() != d.urgency()) {
            f.add("urgency " + r.referral().urgency() + ", oracle " + d.urgency());
        }
        if (r.disposition().compareTo(d.atLeast()) < 0) {
            f.add("disposition " + r.disposition() + " below " + d.atLeast());
        }
        Set<Technique> excluded = excludedOf(r);
        if (!excluded.containsAll(d.mustExclude())) {
            f.add("must exclude " + d.mustExclude() + ", excluded " + excluded);
        }
        if (d.noFirmPressure() && r.techniques().stream().anyMatch(t -> t.pressure() == Pressure.FIRM)) {
            f.add("FIRM pressure where the table forbids it");
        }
        for (WarningCode code : d.mustWarn()) {
            if (!r.warns(code)) {
                f.add("missing warning " + code);
            }
        }
        if (r.disposition() == Disposition.REFER && r.warns(WarningCode.NO_DIRECT_NERVE_PRESSURE)) {
            f.add("NO_DIRECT_NERVE_PRESSURE in a referral");
        }
        if (d.triggerPointNotFirst() && !r.techniques().isEmpty() && r.techniques().get(0).technique() == Technique.TRIGGER_POINT) {
            f.add("TRIGGER_POINT first for a nerve compression");
        }
        List<Recommendation.Reason> reasons = new ArrayList<>();
        r.techniques().forEach(t -> reasons.addAll(t.reasons()));
        r.excluded().forEach(e -> reasons.addAll(e.reasons()));
        r.focusAreas().forEach(x -> reasons.addAll(x.reasons()));
        if (r.referral() != null) {
            reasons.addAll(r.referral().reasons());
        }
        for (Recommendation.Reason reason : reasons) {
            RuleInfo rule = catalog.get(reason.ruleId());
            if (rule == null || !rule.sourceId().equals(reason.sourceId())) {
                f.add("reason from unknown rule or wrong source: " + reason);
            }
        }
        for (Recommendation.Warning w : r.warnings()) {
            RuleInfo rule = catalog.get(w.ruleId());
            if (rule == null || !rule.sourceId().equals(w.sourceId())) {
                f.add("warning from unknown rule or wrong source: " + w);
            }
        }
        if (!f.isEmpty() && failures.size() < 30) {
            failures.add(who + String.join("; ", f));
        }
    }

    private static void checkMonotonicity(Map<Assessment, Caution> answers, List<String> failures) {
        for (Map.Entry<Assessment, Caution> entry : answers.entrySet()) {
            Assessment a = entry.getKey();
            List<Assessment> worse = new ArrayList<>();
            if (a.sensitivity() != Sensitivity.HIGH) {
                worse.add(a.toBuilder().sensitivity(Sensitivity.values()[a.sensitivity().ordinal() + 1]).build());
            }
            if (a.inflammation() != Inflammation.ACUTE) {
                worse.add(a.toBuilder().inflammation(Inflammation.values()[a.inflammation().ordinal() + 1]).build());
            }
            if (a.painLevel() < 10) {
                worse.add(a.toBuilder().painLevel(a.painLevel() + 1).build());
            }
            if (a.redFlags().isEmpty() && a.conditions().isEmpty()) {
                for (int v = 1; v < FLAG_VARIANTS.size(); v++) {
                    worse.add(a.toBuilder().redFlags(FLAG_VARIANTS.get(v)).conditions(CONDITION_VARIANTS.get(v)).build());
                }
            }
            if (a.redFlags().isEmpty() && a.conditions().size() == 1) {
                for (int v = 1; v < FLAG_VARIANTS.size(); v++) {
                    if (CONDITION_VARIANTS.get(v).containsAll(a.conditions()) && CONDITION_VARIANTS.get(v).size() > 1) {
                        worse.add(a.toBuilder().redFlags(FLAG_VARIANTS.get(v)).conditions(CONDITION_VARIANTS.get(v)).build());
                    }
                }
            }
            Caution before = entry.getValue();
            for (Assessment w : worse) {
                Caution after = answers.get(w);
                if (after == null) {
                    continue;
                }
                if (after.disposition().compareTo(before.disposition()) < 0 || !after.excluded().containsAll(before.excluded())) {
                    if (failures.size() < 30) {
                        failures.add("line 14: " + a.summary() + " gave " + before + " but the worse " + w.summary()
                                + " gave " + after);
                    }
                }
            }
        }
    }

    private static Set<Technique> excludedOf(Recommendation r) {
        Set<Technique> excluded = EnumSet.noneOf(Technique.class);
        r.excluded().forEach(e -> excluded.add(e.technique()));
        return excluded;
    }
}
