package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.internal.InputSpace;
import org.sciatica.advisor.internal.InputSpace.Findings;
import org.sciatica.advisor.testing.Cases;

/**
 * The whole input space, as far as it matters to the safety table: every cause x sensitivity x
 * inflammation x course (absent included) x pain level (0, 3, 6, 7, 10), each with no finding,
 * with every single red flag, condition and symptom, and with a fixed sample of combinations; each
 * of those with no age and at every age where a line changes (0, 15, 19, 50, 70, 75, 120), and with
 * no tense area or with the calves, the lower back and the IT band tense. Each answer is checked
 * against the plain-Java oracle of the safety table (lines 1 to 35), for its shape, its words, its
 * questions and its sources, and for line 14 (never less cautious) against the answers to the same
 * case with one thing worse.
 */
class SafetySweepTest {
    /** The space is main code (the {@code verify} command sweeps it too); this test adds the oracle and line 14. */
    private static final List<Integer> PAIN = InputSpace.PAIN;
    private static final List<Findings> FINDINGS = InputSpace.FINDINGS;
    private static final List<Set<BodyArea>> TENSE = InputSpace.TENSE;
    private static final List<Integer> AGES = InputSpace.AGES;

    /** What line 14 compares: how cautious an answer is. */
    private record Caution(Disposition disposition, Urgency urgency, Set<Technique> excluded,
                           Map<Technique, Pressure> pressure, Set<String> warnings) {
        static Caution of(Recommendation r) {
            Map<Technique, Pressure> pressure = new EnumMap<>(Technique.class);
            r.techniques().forEach(t -> pressure.put(t.technique(), t.pressure()));
            Set<String> warnings = new java.util.TreeSet<>();
            r.warnings().forEach(w -> warnings.add(w.code()));
            return new Caution(r.disposition(), r.referral() == null ? null : r.referral().urgency(), excludedOf(r),
                    pressure, warnings);
        }

        /** Why {@code worse} is less cautious than this answer, or null when it is not. */
        String lessCautious(Caution worse) {
            if (worse.disposition.compareTo(disposition) < 0) {
                return "disposition dropped from " + disposition + " to " + worse.disposition;
            }
            if (urgency != null && worse.urgency != null && worse.urgency.compareTo(urgency) < 0) {
                return "urgency dropped from " + urgency + " to " + worse.urgency;
            }
            if (!worse.excluded.containsAll(excluded)) {
                Set<Technique> back = EnumSet.copyOf(excluded);
                back.removeAll(worse.excluded);
                return "excluded technique came back: " + back;
            }
            for (Map.Entry<Technique, Pressure> p : worse.pressure.entrySet()) {
                Pressure before = pressure.get(p.getKey());
                if (before != null && p.getValue().compareTo(before) > 0) {
                    return "pressure of " + p.getKey() + " went up from " + before + " to " + p.getValue();
                }
            }
            Set<String> gone = new java.util.TreeSet<>(warnings);
            gone.removeAll(worse.warnings);
            if (worse.disposition == Disposition.REFER) {
                // A referral carries no hands-on advice (line 33): only referral warnings must stay.
                gone.removeIf(code -> WarningCode.valueOf(code).severity() != Severity.REFERRAL);
            }
            return gone.isEmpty() ? null : "warnings disappeared: " + gone;
        }
    }

    @Test
    void everyAnswerOverTheWholeInputSpaceKeepsTheSafetyTable() {
        SciaticaAdvisor advisor = Cases.bundledAdvisor();
        org.sciatica.advisor.internal.FreshSessions fresh = new org.sciatica.advisor.internal.FreshSessions(
                org.sciatica.advisor.internal.Engine.compile(org.sciatica.advisor.internal.RuleFile.bundled()));
        Map<String, RuleInfo> catalog = advisor.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
        Map<Assessment, Caution> answers = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Assessment> base = InputSpace.bases();
        base.parallelStream().forEach(b -> {
            for (Findings f : FINDINGS) {
                for (Set<BodyArea> tense : TENSE) {
                    for (Integer age : AGES) {
                        Assessment a = b.toBuilder().redFlags(f.flags()).conditions(f.conditions()).symptoms(f.symptoms())
                                .tenseAreas(tense).age(age).build();
                        Recommendation r = advisor.advise(a);
                        // One answer in eight (a fixed choice) is made again in a fresh session: reusing
                        // sessions must change nothing.
                        if (Math.floorMod(a.summary().hashCode(), 8) == 0 && !r.equals(fresh.advise(a, r.asOf()))) {
                            failures.add(a.summary() + ": the answer from a pooled, reused rule session differs from a fresh"
                                    + " session's");
                        }
                        check(a, r, catalog, failures);
                        answers.put(a, Caution.of(r));
                    }
                }
            }
        });
        assertThat(answers).hasSize(base.size() * FINDINGS.size() * TENSE.size() * AGES.size());
        checkMonotonicity(answers, failures);
        assertThat(failures).as("safety-table violations (first 30 shown)").isEmpty();
    }

    private static void check(Assessment a, Recommendation r, Map<String, RuleInfo> catalog, List<String> failures) {
        SafetyOracle.Demand d = SafetyOracle.demand(a);
        List<String> f = new ArrayList<>();

        List<Technique> all = new ArrayList<>();
        r.techniques().forEach(t -> all.add(t.technique()));
        r.excluded().forEach(e -> all.add(e.technique()));
        if (all.size() != Technique.values().length || EnumSet.copyOf(all).size() != Technique.values().length) {
            f.add("each technique must appear exactly once, got " + all);
        }
        if ((d.urgency() != null) != (r.disposition() == Disposition.REFER)) {
            f.add("oracle " + (d.urgency() != null ? "refers" : "does not refer") + " but the rules gave " + r.disposition());
        } else if (d.urgency() != null && r.referral().urgency().compareTo(d.urgency()) < 0) {
            f.add("urgency " + r.referral().urgency() + " below the oracle's " + d.urgency());
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
            f.add("TRIGGER_POINT first where it must never lead");
        }
        if (d.lightOnly()) {
            r.techniques().stream().filter(t -> t.pressure() != Pressure.LIGHT)
                    .forEach(t -> f.add("line 35: " + t.technique() + " at " + t.pressure() + " where only LIGHT is allowed"));
        }
        r.technique(Technique.TRIGGER_POINT).filter(t -> t.pressure() == Pressure.LIGHT)
                .ifPresent(t -> f.add("line 35: TRIGGER_POINT recommended at LIGHT pressure"));
        if (r.disposition() == Disposition.REFER) {
            checkReferral(r, d, f);
        } else if (d.noBooking()) {
            if (r.sessionPlan().sessionsPerWeek() != null) {
                f.add("line 34: sessions a week set before the medical assessment");
            }
            if (r.sessionPlan().steps().stream().anyMatch(st -> st.text().contains("sessions a week"))) {
                f.add("line 34: a step books a series of sessions before the medical assessment");
            }
            if (r.sessionPlan().steps().stream().noneMatch(st -> st.text().contains("once a clinician has assessed the client"))) {
                f.add("line 34: no step says to book further sessions once a clinician has assessed the client");
            }
        }
        for (Recommendation.Warning w : r.warnings()) {
            if (w.message().toLowerCase(Locale.ROOT).contains("gentle work only")
                    && r.techniques().stream().anyMatch(t -> t.pressure() != Pressure.LIGHT)) {
                f.add("line 35: warning " + w.code() + " says gentle work only beside pressure above LIGHT");
            }
        }
        checkQuestions(a, r, f);
        r.focusAreas().stream().filter(x -> d.neverFocus().contains(x.area()))
                .forEach(x -> f.add("focus area " + x.area() + " that the table keeps hands off"));
        boolean firmDeepTissue = r.technique(Technique.DEEP_TISSUE).map(t -> t.pressure() == Pressure.FIRM).orElse(false);
        for (Recommendation.PlanStep step : r.sessionPlan().steps()) {
            String text = step.text().toLowerCase(Locale.ROOT);
            if (d.noLowerBackStep() && text.contains("lower back")) {
                f.add("a plan step works the lower back after spinal surgery: " + step.ruleId());
            }
            if (d.noLegSteps() && java.util.regex.Pattern.compile("\\b(calf|calves|hamstrings?|backs? of the thighs?)\\b")
                    .matcher(text).find()) {
                f.add("line 30: a plan step works the calves or the backs of the thighs after surgery: " + step.ruleId());
            }
            if (text.contains("forearm") && !firmDeepTissue) {
                f.add("the firm forearm step without firm deep tissue work: " + step.ruleId());
            }
        }
        if (r.disposition() != Disposition.REFER && r.sessionPlan().steps().stream().noneMatch(s -> s.text().contains("exercise"))) {
            f.add("no step points the client to their exercise programme");
        }
        List<String> named = new ArrayList<>();
        List<Recommendation.Reason> reasons = new ArrayList<>();
        r.techniques().forEach(t -> reasons.addAll(t.reasons()));
        r.excluded().forEach(e -> reasons.addAll(e.reasons()));
        r.focusAreas().forEach(x -> reasons.addAll(x.reasons()));
        if (r.referral() != null) {
            reasons.addAll(r.referral().reasons());
        }
        for (Recommendation.Reason reason : reasons) {
            RuleInfo rule = catalog.get(reason.ruleId());
            named.add(reason.sourceId());
            if (rule == null || !rule.sourceId().equals(reason.sourceId())) {
                f.add("reason from unknown rule or wrong source: " + reason);
            }
        }
        for (Recommendation.Warning w : r.warnings()) {
            RuleInfo rule = catalog.get(w.ruleId());
            named.add(w.sourceId());
            if (rule == null || !rule.sourceId().equals(w.sourceId())) {
                f.add("warning from unknown rule or wrong source: " + w);
            }
        }
        r.sessionPlan().steps().forEach(s -> named.add(s.sourceId()));
        r.questions().forEach(q -> named.add(q.sourceId()));
        Set<String> listed = r.sources().stream().map(Source::id).collect(Collectors.toSet());
        if (listed.size() != r.sources().size() || !listed.equals(Set.copyOf(named))) {
            f.add("sources must list every named source once: listed " + listed + ", named " + Set.copyOf(named));
        }
        if (!f.isEmpty() && failures.size() < 30) {
            failures.add(a.summary() + ": " + String.join("; ", f));
        }
    }

    /** Lines 33 and the referral's words: no hands-on advice; emergency now, urgent today, never "within days". */
    private static void checkReferral(Recommendation r, SafetyOracle.Demand d, List<String> f) {
        if (!r.techniques().isEmpty() || !r.focusAreas().isEmpty() || !r.sessionPlan().steps().isEmpty()
                || r.sessionPlan().sessionsPerWeek() != null) {
            f.add("line 33: a referral carries techniques, focus areas, plan steps or sessions a week");
        }
        r.warnings().stream().filter(w -> w.severity() != Severity.REFERRAL)
                .forEach(w -> f.add("line 33: a referral carries hands-on warning " + w.code()));
        Recommendation.Referral referral = r.referral();
        for (Recommendation.Reason reason : referral.reasons()) {
            String text = reason.text().toLowerCase(Locale.ROOT);
            if (text.contains("within days") || text.contains("within a few days")) {
                f.add("referral says within days: " + reason.ruleId());
            }
            if (referral.urgency() == Urgency.EMERGENCY && (!text.contains(" now") || text.contains("today"))) {
                f.add("an emergency referral reason must say now, never today: " + reason.ruleId());
            }
            if (referral.urgency() == Urgency.URGENT && !text.contains("today")) {
                f.add("an urgent referral reason must say today: " + reason.ruleId());
            }
        }
        if (d.cancerEmergency() && referral.reasons().stream().noneMatch(x -> x.text().contains("acute oncology line"))) {
            f.add("line 27: the referral does not name the acute oncology line");
        }
        if (referral.urgency() == Urgency.EMERGENCY && !d.cancerEmergency()
                && referral.reasons().stream().noneMatch(x -> x.text().contains("emergency department"))) {
            f.add("an emergency referral does not name the emergency department");
        }
    }

    /** Questions: age and course when absent, never when present, each with a rule and a source. */
    private static void checkQuestions(Assessment a, Recommendation r, List<String> f) {
        List<String> fields = r.questions().stream().map(Recommendation.Question::field).toList();
        List<String> expected = new ArrayList<>();
        if (a.age() == null) {
            expected.add("age");
        }
        if (a.course() == null) {
            expected.add("course");
        }
        if (!fields.equals(expected)) {
            f.add("questions must be " + expected + ", were " + fields);
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
            for (int i = 0; i < PAIN.size() - 1; i++) {
                if (PAIN.get(i) == a.painLevel()) {
                    worse.add(a.toBuilder().painLevel(PAIN.get(i + 1)).build());
                }
            }
            Findings mine = new Findings(a.redFlags(), a.conditions(), a.symptoms());
            for (Findings more : FINDINGS) {
                if (more.size() > mine.size() && mine.within(more)) {
                    worse.add(a.toBuilder().redFlags(more.flags()).conditions(more.conditions()).symptoms(more.symptoms()).build());
                }
            }
            Caution before = entry.getValue();
            for (Assessment w : worse) {
                Caution after = answers.get(w);
                if (after == null) {
                    continue;
                }
                String why = before.lessCautious(after);
                if (why != null && failures.size() < 30) {
                    failures.add("line 14: " + a.summary() + " -> worse " + w.summary() + ": " + why);
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
