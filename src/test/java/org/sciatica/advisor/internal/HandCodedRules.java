package org.sciatica.advisor.internal;

import org.sciatica.advisor.facts.*;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/**
 * The bundled rules written as plain Java if/else: the benchmarks' baseline, the physical limit
 * for this logic. It makes the same decisions as the DRL (a test checks they agree on the
 * benchmark mix) and feeds them to the same {@link Assembler}, so the difference in time is what
 * the rule engine costs. Not a second source of truth: when what a rule decides changes, this must
 * follow. How a rule words a reason is not restated here: every text is a placeholder naming its
 * rule ({@code "CI-11.1"}, distinct within the rule), and the test compares decisions, not texts,
 * so a clinician who rewords a reason changes only the rule file.
 */
public final class HandCodedRules {

    private final Engine engine;
    private final RuleBase rules;
    private final Assembler assembler;

    /** A baseline using the catalog (ids and sources) and the assembler of this engine. */
    public HandCodedRules(Engine engine) {
        this.engine = engine;
        this.rules = engine.rules();
        this.assembler = engine.assembler();
    }

    /** The date the baseline's answers are given as of: every bundled rule is in force on it. */
    public static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 11, 28);

    public Recommendation advise(Assessment a) {
        Run run = new Run();
        decide(a, run);
        return engine.monitored(a, assembler.assemble(a, new Evaluation(run.said, run.fired), AS_OF));
    }

    private final class Run {
        final List<Evaluation.Said> said = new ArrayList<>();
        final Set<RuleInfo> fired = new LinkedHashSet<>();
        final Set<Technique> excluded = EnumSet.noneOf(Technique.class);
        final Set<Technique> supported = EnumSet.noneOf(Technique.class);
        final List<PressureLimit> limits = new ArrayList<>();
        final List<Demotion> demotions = new ArrayList<>();
        final Set<BodyArea> handsOff = EnumSet.noneOf(BodyArea.class);
        final Set<String> alerts = new java.util.HashSet<>();
        boolean itBandFocus;

        void say(String id, Object... facts) {
            RuleInfo rule = rules.byId(id);
            fired.add(rule);
            for (Object fact : facts) {
                said.add(new Evaluation.Said(fact, rule));
                if (fact instanceof Exclusion e) {
                    excluded.add(e.technique());
                } else if (fact instanceof Support s && s.weight() > 0) {
                    supported.add(s.technique());
                } else if (fact instanceof PressureLimit l) {
                    limits.add(l);
                } else if (fact instanceof Demotion d) {
                    demotions.add(d);
                } else if (fact instanceof HandsOff h) {
                    handsOff.add(h.area());
                } else if (fact instanceof Alert w) {
                    alerts.add(w.code());
                } else if (fact instanceof Focus f && f.area() == BodyArea.IT_BAND) {
                    itBandFocus = true;
                }
            }
        }
    }

    private static void decide(Assessment a, Run r) {
        // 10-red-flags
        for (RedFlag flag : a.redFlags()) {
            switch (flag.concern()) {
                case CAUDA_EQUINA -> {
                    String id = flag == RedFlag.SEXUAL_DYSFUNCTION ? "RF-09" : "RF-01";
                    r.say(id, new Refer(Urgency.EMERGENCY, id + ".1 " + flag),
                            new Alert(WarningCode.RED_FLAG_REFERRAL, id + ".2 " + flag));
                }
                case NEUROLOGICAL_DEFICIT -> r.say("RF-02", new Refer(Urgency.EMERGENCY, "RF-02.1 " + flag),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "RF-02.2 " + flag));
                case INFECTION -> r.say("RF-03", new Refer(Urgency.URGENT, "RF-03.1 " + flag),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "RF-03.2 " + flag));
                case MALIGNANCY -> r.say("RF-04", new Refer(Urgency.URGENT, "RF-04.1 " + flag),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "RF-04.2 " + flag));
                case FRACTURE -> r.say("RF-05", new Refer(Urgency.URGENT, "RF-05.1 " + flag),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "RF-05.2 " + flag));
            }
        }
        if (a.hasCancerWithNerveSigns()) {
            r.say("RF-06", new Refer(Urgency.EMERGENCY, "RF-06.1"),
                    new Alert(WarningCode.RED_FLAG_REFERRAL, "RF-06.2"));
        }
        if (a.hasInfectionOrTraumaWithDeficit()) {
            r.say("RF-07", new Refer(Urgency.EMERGENCY, "RF-07.1"),
                    new Alert(WarningCode.RED_FLAG_REFERRAL, "RF-07.2"));
        }
        if (a.isUnderAdultAge()) {
            r.say("RF-08", new Refer(Urgency.URGENT, "RF-08.1"),
                    new Alert(WarningCode.YOUNG_CLIENT, "RF-08.2"));
        }
        // 20-contraindications
        Set<Condition> c = a.conditions();
        if (c.contains(Condition.DEEP_VEIN_THROMBOSIS)) {
            r.say("CI-01", new Refer(Urgency.URGENT, "CI-01.1"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "CI-01.2"));
        }
        if (c.contains(Condition.ANTICOAGULANT_THERAPY) || c.contains(Condition.BLEEDING_DISORDER)) {
            r.say("CI-02", new Exclusion(Technique.DEEP_TISSUE, "CI-02.1"),
                    new PressureLimit(Pressure.MODERATE, "CI-02.2"),
                    new Alert(WarningCode.BLEEDING_RISK, "CI-02.3"));
            r.say("CI-34", new Exclusion(Technique.TRIGGER_POINT, "CI-34.1"));
        }
        if (a.hasReducedSensation()) {
            r.say("CI-03", new Exclusion(Technique.HOT_STONE, "CI-03.1"),
                    new Alert(WarningCode.REDUCED_SENSATION, "CI-03.2"));
            r.say("CI-31", new PressureLimit(Pressure.MODERATE, "CI-31.1"),
                    new Alert(WarningCode.REDUCED_SENSATION, "CI-31.2"));
        }
        if (c.contains(Condition.PREGNANCY)) {
            r.say("CI-04", new Exclusion(Technique.HOT_STONE, "CI-04.1"),
                    new Alert(WarningCode.PREGNANCY_CLEARANCE, "CI-04.2"));
            r.say("CI-13", new PressureLimit(Pressure.MODERATE, "CI-13.1"),
                    new HandsOff(BodyArea.SOLEUS, "CI-13.2"),
                    new HandsOff(BodyArea.GASTROCNEMIUS, "CI-13.3"),
                    new HandsOff(BodyArea.HAMSTRINGS, "CI-13.4"),
                    new HandsOff(BodyArea.IT_BAND, "CI-13.5"),
                    new Alert(WarningCode.PREGNANCY_CLEARANCE, "CI-13.6"));
        }
        if (c.contains(Condition.OSTEOPOROSIS)) {
            r.say("CI-05", new Exclusion(Technique.DEEP_TISSUE, "CI-05.1"),
                    new PressureLimit(Pressure.LIGHT, "CI-05.2"),
                    new HandsOff(BodyArea.LOWER_BACK, "CI-05.3"),
                    new Alert(WarningCode.WEAKENED_BONES, "CI-05.4"));
        }
        if (c.contains(Condition.LONG_TERM_CORTICOSTEROIDS)) {
            r.say("CI-14", new Exclusion(Technique.DEEP_TISSUE, "CI-14.1"),
                    new PressureLimit(Pressure.LIGHT, "CI-14.2"),
                    new HandsOff(BodyArea.LOWER_BACK, "CI-14.3"),
                    new Alert(WarningCode.WEAKENED_BONES, "CI-14.4"));
        }
        if (c.contains(Condition.RECENT_SURGERY) || c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("CI-06", new Exclusion(Technique.DEEP_TISSUE, "CI-06.1"),
                    new Exclusion(Technique.HOT_STONE, "CI-06.2"),
                    new Exclusion(Technique.TRIGGER_POINT, "CI-06.5"),
                    new PressureLimit(Pressure.MODERATE, "CI-06.3"),
                    new Alert(WarningCode.SURGICAL_SITE, "CI-06.4"));
        }
        if (c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("CI-15", new HandsOff(BodyArea.LOWER_BACK, "CI-15.1"),
                    new Alert(WarningCode.SURGICAL_SITE, "CI-15.2"));
        }
        if (c.contains(Condition.SKIN_CONDITION)) {
            r.say("CI-07", new Exclusion(Technique.HOT_STONE, "CI-07.1"),
                    new Alert(WarningCode.AFFECTED_SKIN, "CI-07.2"));
        }
        if (c.contains(Condition.VARICOSE_VEINS)) {
            r.say("CI-08", new PressureLimit(Pressure.MODERATE, "CI-08.1"),
                    new HandsOff(BodyArea.SOLEUS, "CI-08.2"),
                    new HandsOff(BodyArea.GASTROCNEMIUS, "CI-08.3"),
                    new HandsOff(BodyArea.HAMSTRINGS, "CI-08.4"),
                    new Alert(WarningCode.VEIN_PRESSURE, "CI-08.5"));
            r.say("CI-32", new Exclusion(Technique.HOT_STONE, "CI-32.1"));
        }
        if (c.contains(Condition.OPEN_WOUND)) {
            r.say("CI-16", new Alert(WarningCode.WOUND_SITE, "CI-16.1"));
            r.say("CI-33", new Exclusion(Technique.HOT_STONE, "CI-33.1"));
        }
        if (a.inflammation() == Inflammation.ACUTE) {
            r.say("CI-09", new Exclusion(Technique.DEEP_TISSUE, "CI-09.1"),
                    new Exclusion(Technique.HOT_STONE, "CI-09.2"),
                    new PressureLimit(Pressure.LIGHT, "CI-09.3"),
                    new Alert(WarningCode.ACUTE_INFLAMMATION, "CI-09.4"));
        }
        if (a.sensitivity() == Sensitivity.HIGH) {
            r.say("CI-10", new Exclusion(Technique.DEEP_TISSUE, "CI-10.1"),
                    new Exclusion(Technique.TRIGGER_POINT, "CI-10.2"),
                    new PressureLimit(Pressure.LIGHT, "CI-10.3"));
        }
        if (a.severePain()) {
            r.say("CI-11", new PressureLimit(Pressure.MODERATE, "CI-11.1"),
                    new Demotion(Technique.TRIGGER_POINT, "CI-11.2"),
                    new Alert(WarningCode.SEVERE_PAIN_CONSULT, "CI-11.3"));
        }
        if (a.hasReducedSensation()) {
            r.say("CI-18", new Exclusion(Technique.TRIGGER_POINT, "CI-18.1"));
        }
        if (c.contains(Condition.RECENT_SURGERY)) {
            r.say("CI-17", new HandsOff(BodyArea.LOWER_BACK, "CI-17.1"),
                    new Alert(WarningCode.SURGICAL_SITE, "CI-17.2"));
        }
        if (a.isOlderAdult()) {
            r.say("CI-19", new Exclusion(Technique.DEEP_TISSUE, "CI-19.1"),
                    new Exclusion(Technique.HOT_STONE, "CI-19.2"),
                    new PressureLimit(Pressure.LIGHT, "CI-19.3"),
                    new Alert(WarningCode.OLDER_CLIENT, "CI-19.4"));
        }
        if (c.contains(Condition.RECENT_SURGERY) || c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("CI-20", new HandsOff(BodyArea.SOLEUS, "CI-20.1"),
                    new HandsOff(BodyArea.GASTROCNEMIUS, "CI-20.2"),
                    new HandsOff(BodyArea.HAMSTRINGS, "CI-20.3"),
                    new Alert(WarningCode.SURGICAL_SITE, "CI-20.4"));
        }
        if (c.contains(Condition.ANTICOAGULANT_THERAPY)) {
            r.say("CI-21", new HandsOff(BodyArea.SOLEUS, "CI-21.1"),
                    new HandsOff(BodyArea.GASTROCNEMIUS, "CI-21.2"),
                    new Alert(WarningCode.BLEEDING_RISK, "CI-21.3"));
        }
        if (c.contains(Condition.LONG_TERM_CORTICOSTEROIDS)) {
            r.say("CI-22", new Exclusion(Technique.HOT_STONE, "CI-22.1"));
        }
        if (a.hasCorticosteroidsToRefer()) {
            r.say("CI-23", new Refer(Urgency.URGENT, "CI-23.1"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "CI-23.2"));
        }
        if (a.hasPossibleFragilityFracture()) {
            r.say("CI-24", new Refer(Urgency.URGENT, "CI-24.1"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "CI-24.2"));
        }
        if (c.contains(Condition.RECENT_MINOR_TRAUMA)) {
            r.say("CI-25", new PressureLimit(Pressure.MODERATE, "CI-25.1"),
                    new Exclusion(Technique.HOT_STONE, "CI-25.3"),
                    new Exclusion(Technique.TRIGGER_POINT, "CI-25.4"),
                    new Alert(WarningCode.MINOR_TRAUMA, "CI-25.2"));
        }
        if (c.contains(Condition.OSTEOPOROSIS) && a.course() == Course.ACUTE && a.severePain()) {
            r.say("CI-27", new Refer(Urgency.URGENT, "CI-27.1"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "CI-27.2"));
        }
        if (c.contains(Condition.RECENT_SPINAL_SURGERY) && (a.hasNeurologicalSigns() || a.severePain())) {
            r.say("CI-28", new Refer(Urgency.URGENT, "CI-28.1"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "CI-28.2"));
        }
        if (c.contains(Condition.RECENT_MINOR_TRAUMA) && a.hasNeurologicalSigns() && (a.mayHaveFragileBone()
                || c.contains(Condition.ANTICOAGULANT_THERAPY)
                || c.contains(Condition.BLEEDING_DISORDER))) {
            r.say("CI-29", new Refer(Urgency.EMERGENCY, "CI-29.1"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "CI-29.2"));
        }
        if (a.inflammation() == Inflammation.MILD) {
            r.say("CI-30", new Exclusion(Technique.HOT_STONE, "CI-30.1"),
                    new PressureLimit(Pressure.MODERATE, "CI-30.2"));
        }
        // 40-nerve-safety (the limits and demotions, which CI-12 and CI-26 read)
        r.say("NS-01", new Alert(WarningCode.NO_DIRECT_NERVE_PRESSURE, "NS-01.1"));
        if (a.cause().isNerveCompression()) {
            r.say("NS-02", new Alert(WarningCode.NERVE_COMPRESSION_CAUSE, "NS-02.1"),
                    new PressureLimit(Pressure.MODERATE, "NS-02.2"));
            r.say("NS-03", new Demotion(Technique.TRIGGER_POINT, "NS-03.1"));
        }
        if (a.cause() == Cause.UNKNOWN) {
            r.say("NS-04", new Alert(WarningCode.CAUSE_UNKNOWN, "NS-04.1"),
                    new PressureLimit(Pressure.MODERATE, "NS-04.2"),
                    new Demotion(Technique.TRIGGER_POINT, "NS-04.3"));
        }
        if (a.hasNeurologicalSigns()) {
            r.say("NS-07", new Alert(WarningCode.NEUROLOGICAL_SIGNS, "NS-07.1"),
                    new PressureLimit(Pressure.LIGHT, "NS-07.2"),
                    new Demotion(Technique.TRIGGER_POINT, "NS-07.3"));
        }
        if (a.isNewOnsetAtAgeToAssess()) {
            r.say("NS-08", new Alert(WarningCode.SEEK_MEDICAL_ASSESSMENT, "NS-08.1"),
                    new PressureLimit(Pressure.MODERATE, "NS-08.2"));
        }
        if (a.isNewOnsetAtAgeToAssess()) {
            r.say("NS-11", new Demotion(Technique.TRIGGER_POINT, "NS-11.1"));
        }
        if (a.hasNerveIrritation()) {
            r.say("NS-09", new PressureLimit(Pressure.MODERATE, "NS-09.1"),
                    new Alert(WarningCode.NERVE_IRRITATION, "NS-09.2"),
                    new Demotion(Technique.TRIGGER_POINT, "NS-09.3"));
        }
        for (PressureLimit limit : List.copyOf(r.limits)) {
            if (limit.belowFirm()) {
                r.say("CI-12", new Exclusion(Technique.DEEP_TISSUE, "CI-12.1" + limit.reason()));
            }
            if (limit.max() == Pressure.LIGHT) {
                r.say("CI-26", new Exclusion(Technique.TRIGGER_POINT, "CI-26.1" + limit.reason()));
            }
        }
        // 30-technique-choice
        if (a.cause().isMuscleDriven() && (a.course() == Course.CHRONIC || a.course() == Course.RECURRING)) {
            r.say("TQ-01", new Support(Technique.DEEP_TISSUE, 3, "TQ-01.1"));
        }
        if (a.cause().isMuscleDriven()) {
            r.say("TQ-02", new Support(Technique.TRIGGER_POINT, 3, "TQ-02.1"));
        }
        if (a.sensitivity() == Sensitivity.HIGH || a.inflammation() != Inflammation.NONE) {
            r.say("TQ-03", new Support(Technique.SWEDISH, 3, "TQ-03.1"));
        }
        if (a.symptoms().contains(Symptom.STIFFNESS)) {
            r.say("TQ-04", new Support(Technique.HOT_STONE, 2, "TQ-04.1"));
        }
        if (a.sensitivity() == Sensitivity.HIGH || a.severePain()) {
            r.say("TQ-05", new Support(Technique.VIBRATION, 2, "TQ-05.1"));
        }
        r.say("TQ-06", new Support(Technique.SWEDISH, 1, "TQ-06.1"));
        if (a.cause().isNerveCompression()) {
            r.say("TQ-08", new Support(Technique.SWEDISH, 3, "TQ-08.1"));
        }
        // 40-nerve-safety: the safety nets
        Set<Technique> left = EnumSet.allOf(Technique.class);
        left.removeAll(r.excluded);
        if (r.demotions.stream().map(Demotion::technique).collect(java.util.stream.Collectors.toSet()).containsAll(left)) {
            for (Demotion d : List.copyOf(r.demotions)) {
                r.say("NS-05", new Exclusion(d.technique(), "NS-05.1 " + d.reason()));
            }
        }
        if (r.excluded.size() == Technique.values().length) {
            r.say("NS-06", new Refer(Urgency.URGENT, "NS-06.1"),
                    new Alert(WarningCode.NO_SAFE_TECHNIQUE, "NS-06.2"));
        }
        // 50-focus-areas and 60-session-plan
        r.say("FA-01", new Focus(BodyArea.GLUTEUS_MAXIMUS, "FA-01.1"),
                new Focus(BodyArea.GLUTEUS_MEDIUS, "FA-01.2"),
                new Focus(BodyArea.GLUTEUS_MINIMUS, "FA-01.3"),
                new Focus(BodyArea.PIRIFORMIS, "FA-01.4"));
        if (a.cause() == Cause.GLUTEUS_MINIMUS_REFERRAL) {
            r.say("FA-02", new Focus(BodyArea.GLUTEUS_MINIMUS, "FA-02.1"));
        }
        for (BodyArea area : a.tenseAreas()) {
            r.say("FA-03", new Focus(area, "FA-03.1"));
        }
        if (r.handsOff.isEmpty()) {
            r.say("SP-01", new Step(Phase.WARM_UP, "SP-01.1"));
        } else {
            r.say("SP-07", new Step(Phase.WARM_UP, "SP-07.1"));
        }
        boolean lightOnly = r.limits.stream().anyMatch(l -> l.max() == Pressure.LIGHT);
        if (a.cause() == Cause.GLUTEUS_MINIMUS_REFERRAL && !lightOnly) {
            r.say("SP-02", new Step(Phase.MAIN, "SP-02.1"));
        }
        if (a.cause() == Cause.GLUTEUS_MINIMUS_REFERRAL && lightOnly) {
            r.say("SP-09", new Step(Phase.MAIN, "SP-09.1"));
        }
        if (c.contains(Condition.PREGNANCY) || c.contains(Condition.RECENT_SURGERY) || c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("SP-10", new Step(Phase.PREPARE, "SP-10.1"));
        }
        if (r.itBandFocus && !r.handsOff.contains(BodyArea.IT_BAND) && r.limits.isEmpty()
                && !r.excluded.contains(Technique.DEEP_TISSUE)) {
            r.say("SP-03", new Step(Phase.MAIN, "SP-03.1"));
        }
        r.say("SP-04", new Step(Phase.MAIN, "SP-04.1"));
        boolean assessmentDue = r.alerts.contains("SEEK_MEDICAL_ASSESSMENT") || r.alerts.contains("NEUROLOGICAL_SIGNS")
                || r.alerts.contains("CAUSE_UNKNOWN");
        if (!a.severePain() && !assessmentDue) {
            r.say("SP-05", new Frequency(1, 2, "SP-05.1"),
                    new Step(Phase.AFTERCARE, "SP-05.2"));
        }
        if (assessmentDue) {
            r.say("SP-11", new Step(Phase.AFTERCARE, "SP-11.1"));
        }
        if (a.severePain()) {
            r.say("SP-06", new Step(Phase.PREPARE, "SP-06.1"));
        }
        r.say("SP-08", new Step(Phase.AFTERCARE, "SP-08.1"));
        r.say("SP-12", new Step(Phase.PREPARE, "SP-12.1"));
        // 70-questions
        if (a.age() == null) {
            r.say("QU-01", new Ask("age", "QU-01.1"));
        }
        if (a.course() == null) {
            r.say("QU-02", new Ask("course", "QU-02.1"));
        }
        // The logical insert of TQ-07: only what stands once every other rule has spoken.
        for (Technique t : Technique.values()) {
            if (!r.supported.contains(t) && !r.excluded.contains(t)) {
                r.say("TQ-07", new Support(t, 0, "TQ-07.1"));
            }
        }
    }
}
