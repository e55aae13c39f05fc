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
 * the rule engine costs. Not a second source of truth: when a rule changes, this must follow.
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
                case CAUDA_EQUINA -> r.say("RF-01", new Refer(Urgency.EMERGENCY, flag + " is a sign of possible cauda equina syndrome: emergency medical assessment today"),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "Red flag " + flag + ": possible cauda equina syndrome. No massage; send for emergency medical assessment today."));
                case NEUROLOGICAL_DEFICIT -> r.say("RF-02", new Refer(Urgency.URGENT, flag + " suggests a progressive neurological deficit: urgent medical assessment; the client contacts their doctor today"),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "Red flag " + flag + ": possible progressive neurological deficit. No massage; refer for urgent medical assessment."));
                case INFECTION -> r.say("RF-03", new Refer(Urgency.URGENT, flag + " with back or leg pain may mean a spinal infection: urgent medical assessment; the client contacts their doctor today"),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "Red flag " + flag + ": possible spinal infection. No massage; refer for urgent medical assessment."));
                case MALIGNANCY -> r.say("RF-04", new Refer(Urgency.URGENT, flag + " may point to a spinal malignancy: urgent medical assessment; the client contacts their doctor today"),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "Red flag " + flag + ": possible spinal malignancy. No massage; refer for urgent medical assessment."));
                case FRACTURE -> r.say("RF-05", new Refer(Urgency.URGENT, flag + " may mean a spinal fracture: urgent medical assessment; the client contacts their doctor today"),
                        new Alert(WarningCode.RED_FLAG_REFERRAL, "Red flag " + flag + ": possible spinal fracture. No massage; refer for urgent medical assessment."));
            }
        }
        if (a.hasCancerWithNerveSigns()) {
            r.say("RF-06", new Refer(Urgency.EMERGENCY, "a history of cancer with nerve root pain, numbness, weakness or foot drop may be metastatic spinal cord compression: contact the client's cancer team or emergency services today"),
                    new Alert(WarningCode.RED_FLAG_REFERRAL, "History of cancer with neurological signs: possible metastatic spinal cord compression. No massage; seek medical assessment immediately, the same day."));
        }
        // 20-contraindications
        Set<Condition> c = a.conditions();
        if (c.contains(Condition.DEEP_VEIN_THROMBOSIS)) {
            r.say("CI-01", new Refer(Urgency.URGENT, "deep vein thrombosis: massage over a clot could dislodge it; no massage until a clinician clears it"),
                    new Alert(WarningCode.CONDITION_REFERRAL, "Deep vein thrombosis: no massage until the client's clinician clears it."));
        }
        if (c.contains(Condition.ANTICOAGULANT_THERAPY) || c.contains(Condition.BLEEDING_DISORDER)) {
            r.say("CI-02", new Exclusion(Technique.DEEP_TISSUE, "deep, forceful pressure risks bruising and bleeding with anticoagulants or a bleeding disorder"),
                    new Exclusion(Technique.TRIGGER_POINT, "sustained point pressure risks bruising and bleeding with anticoagulants or a bleeding disorder"),
                    new PressureLimit(Pressure.MODERATE, "no forceful pressure with anticoagulants or a bleeding disorder"),
                    new Alert(WarningCode.BLEEDING_RISK, "Anticoagulant therapy or bleeding disorder: no deep or forceful pressure; watch for bruising."));
        }
        if (a.hasReducedSensation()) {
            r.say("CI-03", new Exclusion(Technique.HOT_STONE, "reduced sensation (numbness, neuropathy or diabetes): the client may not feel a burn"),
                    new PressureLimit(Pressure.MODERATE, "reduced sensation: the client may not feel pressure that harms"),
                    new Alert(WarningCode.REDUCED_SENSATION, "Reduced sensation: no hot stones or other heat, and no firm pressure; watch the tissue, the client may not feel harm."));
        }
        if (c.contains(Condition.PREGNANCY)) {
            r.say("CI-04", new Exclusion(Technique.HOT_STONE, "no heat that raises body temperature in pregnancy"),
                    new Alert(WarningCode.PREGNANCY_CLEARANCE, "Pregnancy: the client's health care provider should agree to massage; side-lying position, no heat."));
            r.say("CI-13", new PressureLimit(Pressure.MODERATE, "pregnancy raises the risk of clots in the legs: no firm pressure"),
                    new HandsOff(BodyArea.SOLEUS, "pregnancy raises the risk of a clot in the leg: leave the calves alone"),
                    new HandsOff(BodyArea.GASTROCNEMIUS, "pregnancy raises the risk of a clot in the leg: leave the calves alone"),
                    new HandsOff(BodyArea.HAMSTRINGS, "pregnancy raises the risk of a clot in the leg: leave the backs of the thighs alone"),
                    new HandsOff(BodyArea.IT_BAND, "pregnancy raises the risk of a clot in the leg: leave the legs alone"),
                    new Alert(WarningCode.PREGNANCY_CLEARANCE, "Pregnancy: clots in the legs are more likely; leave the legs alone (calves, backs of the thighs, IT band), no firm pressure."));
        }
        if (c.contains(Condition.OSTEOPOROSIS)) {
            r.say("CI-05", new Exclusion(Technique.DEEP_TISSUE, "deep pressure risks fracture in bones weakened by osteoporosis"),
                    new PressureLimit(Pressure.LIGHT, "weakened bones (osteoporosis): light pressure only"),
                    new HandsOff(BodyArea.LOWER_BACK, "weakened bones: no pressure over the spine"),
                    new Alert(WarningCode.WEAKENED_BONES, "Osteoporosis: light pressure only, never over the spine or other weakened bones."));
        }
        if (c.contains(Condition.LONG_TERM_CORTICOSTEROIDS)) {
            r.say("CI-14", new Exclusion(Technique.DEEP_TISSUE, "long-term corticosteroids thin the bones: deep pressure risks fracture"),
                    new PressureLimit(Pressure.LIGHT, "bones thinned by long-term corticosteroids: light pressure only"),
                    new HandsOff(BodyArea.LOWER_BACK, "bones thinned by long-term corticosteroids: no pressure over the spine"),
                    new Alert(WarningCode.WEAKENED_BONES, "Long-term corticosteroids: bones may be fragile; light pressure only, never over the spine."));
        }
        if (c.contains(Condition.RECENT_SURGERY) || c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("CI-06", new Exclusion(Technique.DEEP_TISSUE, "deep pressure after recent surgery risks harming healing tissue"),
                    new Exclusion(Technique.HOT_STONE, "no heat on or near healing surgical tissue"),
                    new PressureLimit(Pressure.MODERATE, "recent surgery: no firm pressure while tissue heals"),
                    new Alert(WarningCode.SURGICAL_SITE, "Recent surgery: no massage on or near the surgical area; the surgeon should agree to massage."));
        }
        if (c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("CI-15", new HandsOff(BodyArea.LOWER_BACK, "recent spinal surgery: no pressure over the operated area for at least six weeks"),
                    new Alert(WarningCode.SURGICAL_SITE, "Recent spinal surgery: keep off the lower back, even where it feels tight, for at least six weeks."));
        }
        if (c.contains(Condition.SKIN_CONDITION)) {
            r.say("CI-07", new Exclusion(Technique.HOT_STONE, "heat and stones on affected skin can worsen a skin condition"),
                    new Alert(WarningCode.AFFECTED_SKIN, "Skin condition: do not massage over affected skin."));
        }
        if (c.contains(Condition.VARICOSE_VEINS)) {
            r.say("CI-08", new PressureLimit(Pressure.MODERATE, "varicose veins: no deep, specific work"),
                    new Exclusion(Technique.HOT_STONE, "varicose veins: no heat on the legs, a cautious choice"),
                    new HandsOff(BodyArea.SOLEUS, "varicose veins often sit in the calf: leave it alone"),
                    new HandsOff(BodyArea.GASTROCNEMIUS, "varicose veins often sit in the calf: leave it alone"),
                    new HandsOff(BodyArea.HAMSTRINGS, "varicose veins can sit at the back of the thigh: leave it alone"),
                    new Alert(WarningCode.VEIN_PRESSURE, "Varicose veins: no pressure over or below the affected veins; the calves and the backs of the thighs are left alone."));
        }
        if (c.contains(Condition.OPEN_WOUND)) {
            r.say("CI-16", new Exclusion(Technique.HOT_STONE, "no heat or stones near an open or healing wound"),
                    new Alert(WarningCode.WOUND_SITE, "Open or healing wound: keep off the wound and the skin around it."));
        }
        if (a.inflammation() == Inflammation.ACUTE) {
            r.say("CI-09", new Exclusion(Technique.DEEP_TISSUE, "firm pressure on acutely inflamed tissue worsens it"),
                    new Exclusion(Technique.HOT_STONE, "heat on acutely inflamed tissue worsens it"),
                    new PressureLimit(Pressure.LIGHT, "acute inflammation: light pressure only"),
                    new Alert(WarningCode.ACUTE_INFLAMMATION, "Acute inflammation: gentle work only, no heat."));
        }
        if (a.sensitivity() == Sensitivity.HIGH) {
            r.say("CI-10", new Exclusion(Technique.DEEP_TISSUE, "deep pressure is not tolerated with high pressure sensitivity"),
                    new Exclusion(Technique.TRIGGER_POINT, "sustained point pressure is not tolerated with high pressure sensitivity"),
                    new PressureLimit(Pressure.LIGHT, "high pressure sensitivity: light pressure only"));
        }
        if (a.severePain()) {
            r.say("CI-11", new PressureLimit(Pressure.MODERATE, "severe pain: no firm pressure"),
                    new Demotion(Technique.TRIGGER_POINT, "severe pain: sustained point pressure only after gentler work, never first"),
                    new Alert(WarningCode.SEVERE_PAIN_CONSULT, "Severe pain (7 to 10): the client should consult a clinician; no firm pressure."));
        }
        if (c.contains(Condition.RECENT_SURGERY)) {
            r.say("CI-17", new HandsOff(BodyArea.LOWER_BACK, "recent surgery: the operated area may be the lower back; leave it alone until the site is known"),
                    new Alert(WarningCode.SURGICAL_SITE, "Recent surgery: until you know where it was, keep off the lower back as well as the surgical area."));
        }
        // 40-nerve-safety (the limits and demotions, which CI-12 reads)
        r.say("NS-01", new Alert(WarningCode.NO_DIRECT_NERVE_PRESSURE, "Never press directly on the sciatic nerve: work the muscles around its path, and ease off if pain, tingling or numbness shoots down the leg."));
        if (a.cause().isNerveCompression()) {
            r.say("NS-02", new Alert(WarningCode.NERVE_COMPRESSION_CAUSE, "The cause is a spinal nerve compression: massage eases the muscles around it, it does not treat the compression."),
                    new PressureLimit(Pressure.MODERATE, "a compressed nerve root: no firm pressure"));
            r.say("NS-03", new Demotion(Technique.TRIGGER_POINT, "the pain comes from nerve compression, not muscle knots: trigger point work only after other work, never first"));
        }
        if (a.cause() == Cause.UNKNOWN) {
            r.say("NS-04", new Alert(WarningCode.CAUSE_UNKNOWN, "The cause is not known: the client should have it identified; until then the plan stays conservative."),
                    new PressureLimit(Pressure.MODERATE, "unknown cause: no firm pressure until it is identified"),
                    new Demotion(Technique.TRIGGER_POINT, "the cause may be nerve compression: trigger point work only after other work, never first"));
        }
        if (a.hasNeurologicalSigns()) {
            r.say("NS-07", new Alert(WarningCode.NEUROLOGICAL_SIGNS, "Numbness or weakness: the nerve root may be involved. Make sure a clinician has assessed it; gentle work only, and stop if it gets worse."),
                    new PressureLimit(Pressure.MODERATE, "numbness or weakness: the nerve may be involved, no firm pressure"),
                    new Demotion(Technique.TRIGGER_POINT, "numbness or weakness suggest the nerve, not muscle knots: trigger point work never first"));
        }
        if (a.isNewOnsetAtAgeToAssess()) {
            r.say("NS-08", new Alert(WarningCode.SEEK_MEDICAL_ASSESSMENT, "New sciatica under 20 or from 50 can have a serious cause: the client should have a medical assessment; gentle work meanwhile."),
                    new PressureLimit(Pressure.MODERATE, "new sciatica at this age: gentle work until a medical assessment"));
        }
        if (a.hasNerveIrritation()) {
            r.say("NS-09", new PressureLimit(Pressure.MODERATE, "tingling or pins and needles: an irritated nerve, no firm pressure"),
                    new Alert(WarningCode.NERVE_IRRITATION, "Tingling or pins and needles: the nerve is irritated. No firm pressure; ease off at once if the tingling spreads or grows."),
                    new Demotion(Technique.TRIGGER_POINT, "tingling or pins and needles suggest the nerve, not muscle knots: trigger point work never first"));
        }
        if (a.isUnderAdultAge()) {
            r.say("NS-10", new Alert(WarningCode.YOUNG_CLIENT, "Under 16: the guidance behind these rules covers adults; a clinician should assess the child's sciatica first, and only light work."),
                    new PressureLimit(Pressure.LIGHT, "under 16: light pressure only"),
                    new Exclusion(Technique.HOT_STONE, "under 16: no heat treatment outside the adult guidance"),
                    new Demotion(Technique.TRIGGER_POINT, "under 16: sustained point pressure never first"));
        }
        for (PressureLimit limit : List.copyOf(r.limits)) {
            if (limit.belowFirm()) {
                r.say("CI-12", new Exclusion(Technique.DEEP_TISSUE, "deep tissue work needs firm pressure, ruled out here: " + limit.reason()));
            }
        }
        // 30-technique-choice
        if (a.cause().isMuscleDriven() && (a.course() == Course.CHRONIC || a.course() == Course.RECURRING)) {
            r.say("TQ-01", new Support(Technique.DEEP_TISSUE, 3, "deep tissue work suits chronic or recurring pain driven by tight muscles"));
        }
        if (a.cause().isMuscleDriven()) {
            r.say("TQ-02", new Support(Technique.TRIGGER_POINT, 3, "trigger point work targets the muscle knots that may refer pain down the leg like sciatica"));
        }
        if (a.sensitivity() == Sensitivity.HIGH || a.inflammation() != Inflammation.NONE) {
            r.say("TQ-03", new Support(Technique.SWEDISH, 3, "light, flowing Swedish strokes suit pressure sensitivity and inflammation"));
        }
        if (a.symptoms().contains(Symptom.STIFFNESS)) {
            r.say("TQ-04", new Support(Technique.HOT_STONE, 2, "warmth from hot stones loosens stiff muscles"));
        }
        if (a.sensitivity() == Sensitivity.HIGH || a.severePain()) {
            r.say("TQ-05", new Support(Technique.VIBRATION, 2, "vibration relaxes muscles without deep pressure when pressure is not tolerated; use it with care near the nerve"));
        }
        r.say("TQ-06", new Support(Technique.SWEDISH, 1, "Swedish strokes warm up the muscles before any specific work"));
        if (a.cause().isNerveCompression()) {
            r.say("TQ-08", new Support(Technique.SWEDISH, 3, "the nerve root is compressed: general, gentle Swedish work eases the muscles around it without pressing on the nerve"));
        }
        // 40-nerve-safety: the safety nets
        for (Demotion d : List.copyOf(r.demotions)) {
            Set<Technique> others = EnumSet.copyOf(r.excluded);
            others.remove(d.technique());
            if (!r.excluded.contains(d.technique()) && others.size() == Technique.values().length - 1) {
                r.say("NS-05", new Exclusion(d.technique(), "it would be the only technique left, and " + d.reason()));
            }
        }
        if (r.excluded.size() == Technique.values().length) {
            r.say("NS-06", new Refer(Urgency.URGENT, "every technique is ruled out for this client: refer to a clinician instead of massaging"),
                    new Alert(WarningCode.NO_SAFE_TECHNIQUE, "Every technique is ruled out for this client: refer instead of proceeding."));
        }
        // 50-focus-areas and 60-session-plan
        r.say("FA-01", new Focus(BodyArea.GLUTEUS_MAXIMUS, "the gluteals lie over the sciatic nerve's path"),
                new Focus(BodyArea.GLUTEUS_MEDIUS, "gluteus medius trigger points can refer pain down the leg"),
                new Focus(BodyArea.GLUTEUS_MINIMUS, "gluteus minimus trigger points can refer pain down the leg like sciatica"),
                new Focus(BodyArea.PIRIFORMIS, "the sciatic nerve runs beneath the piriformis"));
        if (a.cause() == Cause.GLUTEUS_MINIMUS_REFERRAL) {
            r.say("FA-02", new Focus(BodyArea.GLUTEUS_MINIMUS, "the pain is referred from gluteus minimus, at the side of the hip"));
        }
        for (BodyArea area : a.tenseAreas()) {
            r.say("FA-03", new Focus(area, "the client reports tension here"));
        }
        if (r.handsOff.isEmpty()) {
            r.say("SP-01", new Step(Phase.WARM_UP, "Warm up the lower back, gluteals and legs with light, broad strokes before any deeper or more specific work."));
        } else {
            r.say("SP-07", new Step(Phase.WARM_UP, "Warm up only the focus areas of this plan, with light, broad strokes; leave alone every area the warnings keep hands off."));
        }
        boolean lightOnly = r.limits.stream().anyMatch(l -> l.max() == Pressure.LIGHT);
        if (a.cause() == Cause.GLUTEUS_MINIMUS_REFERRAL && !lightOnly) {
            r.say("SP-02", new Step(Phase.MAIN, "After the warm-up, apply gentle pressure at the side of the hip (gluteus minimus) and increase it gradually as the client tolerates it, within the pressure set for this client."));
        }
        if (a.cause() == Cause.GLUTEUS_MINIMUS_REFERRAL && lightOnly) {
            r.say("SP-09", new Step(Phase.MAIN, "After the warm-up, work the side of the hip (gluteus minimus) with light pressure only; do not increase it."));
        }
        if (c.contains(Condition.PREGNANCY) || c.contains(Condition.RECENT_SURGERY) || c.contains(Condition.RECENT_SPINAL_SURGERY)) {
            r.say("SP-10", new Step(Phase.PREPARE, "Before the first session: the client's midwife, doctor or surgeon agrees to massage; book sessions only after that."));
        }
        if (r.itBandFocus && !r.handsOff.contains(BodyArea.IT_BAND) && r.limits.isEmpty()
                && !r.excluded.contains(Technique.DEEP_TISSUE)) {
            r.say("SP-03", new Step(Phase.MAIN, "After the warm-up, work the IT band with the forearm, from the knee toward the gluteals."));
        }
        r.say("SP-04", new Step(Phase.MAIN, "Work the muscles around the sciatic nerve's path, not the nerve itself; ease off if symptoms shoot down the leg."));
        if (!a.severePain()) {
            r.say("SP-05", new Frequency(1, 2, "one to two sessions a week suit mild to moderate pain"),
                    new Step(Phase.AFTERCARE, "Book one to two sessions a week and space them out as symptoms improve."));
        } else {
            r.say("SP-06", new Step(Phase.PREPARE, "Pain is severe: agree any course of sessions with the client's clinician; no frequency is set until then."));
        }
        r.say("SP-08", new Step(Phase.AFTERCARE, "Point the client to their exercise programme and encourage them to keep it up: guidelines use massage only alongside exercise."));
        // The logical insert of TQ-07: only what stands once every other rule has spoken.
        for (Technique t : Technique.values()) {
            if (!r.supported.contains(t) && !r.excluded.contains(t)) {
                r.say("TQ-07", new Support(t, 0, "available: no rule argues for it here, none rules it out"));
            }
        }
    }
}
