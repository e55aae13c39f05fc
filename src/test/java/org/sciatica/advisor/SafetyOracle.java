package org.sciatica.advisor;

import java.util.EnumSet;
import java.util.Set;

/**
 * The safety table (docs/SPEC.md, lines 1 to 24) written once more in plain Java, independent of
 * the rules and of the runtime monitor, for the sweep to compare the rules' answers against. It
 * says what every answer must at least do; the rules may be more cautious, except that they refer
 * exactly when it does.
 */
final class SafetyOracle {
    private static final Set<RedFlag> CAUDA_EQUINA = EnumSet.of(RedFlag.SADDLE_ANESTHESIA, RedFlag.BLADDER_DYSFUNCTION,
            RedFlag.BOWEL_DYSFUNCTION, RedFlag.SEXUAL_DYSFUNCTION, RedFlag.BILATERAL_SCIATICA);

    /** What the table demands of one answer. */
    record Demand(Disposition atLeast, Urgency urgency, Set<Technique> mustExclude, boolean noFirmPressure,
                  Set<WarningCode> mustWarn, boolean triggerPointNotFirst, Set<BodyArea> neverFocus,
                  boolean noLowerBackStep) {
    }

    static Demand demand(Assessment a) {
        Set<Technique> exclude = EnumSet.noneOf(Technique.class);
        Set<WarningCode> warn = EnumSet.noneOf(WarningCode.class);
        Set<BodyArea> neverFocus = EnumSet.noneOf(BodyArea.class);
        Disposition atLeast = Disposition.PROCEED;
        Urgency urgency = null;
        boolean noFirm = false;
        boolean tpNotFirst = false;
        Set<Condition> c = a.conditions();
        Set<Symptom> s = a.symptoms();
        Set<RedFlag> f = a.redFlags();

        if (!f.isEmpty()) {                                                                // line 1
            urgency = f.stream().anyMatch(CAUDA_EQUINA::contains) ? Urgency.EMERGENCY : Urgency.URGENT;
            warn.add(WarningCode.RED_FLAG_REFERRAL);
        }
        if (f.contains(RedFlag.HISTORY_OF_CANCER) && (s.contains(Symptom.NUMBNESS) || s.contains(Symptom.WEAKNESS)
                || f.contains(RedFlag.PROGRESSIVE_WEAKNESS) || f.contains(RedFlag.FOOT_DROP))) {
            urgency = Urgency.EMERGENCY;                                                   // line 22
        }
        if (c.contains(Condition.DEEP_VEIN_THROMBOSIS)) {                                  // line 2
            urgency = urgency == null ? Urgency.URGENT : urgency;
            warn.add(WarningCode.CONDITION_REFERRAL);
        }
        if (a.inflammation() == Inflammation.ACUTE) {                                     // line 4
            exclude.add(Technique.DEEP_TISSUE);
            exclude.add(Technique.HOT_STONE);
        }
        if (a.sensitivity() == Sensitivity.HIGH) {                                         // line 5
            exclude.add(Technique.DEEP_TISSUE);
            exclude.add(Technique.TRIGGER_POINT);
            noFirm = true;
        }
        if (c.contains(Condition.ANTICOAGULANT_THERAPY) || c.contains(Condition.BLEEDING_DISORDER)) { // line 6
            exclude.add(Technique.DEEP_TISSUE);
            exclude.add(Technique.TRIGGER_POINT);
        }
        if (c.contains(Condition.PERIPHERAL_NEUROPATHY) || c.contains(Condition.DIABETES)) { // line 7
            exclude.add(Technique.HOT_STONE);
        }
        if (c.contains(Condition.PREGNANCY)) {                                             // line 8
            exclude.add(Technique.HOT_STONE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (c.contains(Condition.OSTEOPOROSIS) || c.contains(Condition.LONG_TERM_CORTICOSTEROIDS)) { // lines 9, 19
            exclude.add(Technique.DEEP_TISSUE);
            noFirm = true;
        }
        if (c.contains(Condition.RECENT_SURGERY)) {                                        // line 10
            exclude.add(Technique.DEEP_TISSUE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (c.contains(Condition.SKIN_CONDITION)) {                                        // line 11
            exclude.add(Technique.HOT_STONE);
        }
        boolean nerveCompression = a.cause() == Cause.HERNIATED_DISC || a.cause() == Cause.SPINAL_STENOSIS
                || a.cause() == Cause.OTHER_SPINAL;
        if (nerveCompression) {                                                            // line 12
            warn.add(WarningCode.NERVE_COMPRESSION_CAUSE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            tpNotFirst = true;
        }
        if (a.cause() == Cause.UNKNOWN) {                                                  // warning table
            warn.add(WarningCode.CAUSE_UNKNOWN);
        }
        if (a.painLevel() >= 7) {                                                          // lines 13, 21
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            noFirm = true;
            warn.add(WarningCode.SEVERE_PAIN_CONSULT);
            tpNotFirst = true;
        }
        if (s.contains(Symptom.NUMBNESS) || c.contains(Condition.PERIPHERAL_NEUROPATHY) || c.contains(Condition.DIABETES)) {
            noFirm = true;                                                                 // line 15
            exclude.add(Technique.DEEP_TISSUE);
            exclude.add(Technique.HOT_STONE);
            exclude.add(Technique.TRIGGER_POINT);
        }
        if (s.contains(Symptom.NUMBNESS) || s.contains(Symptom.WEAKNESS)) {                // line 16
            tpNotFirst = true;
            noFirm = true;
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            warn.add(WarningCode.NEUROLOGICAL_SIGNS);
        }
        boolean spinalSurgery = c.contains(Condition.RECENT_SPINAL_SURGERY);
        if (c.contains(Condition.RECENT_SURGERY) || spinalSurgery) {                       // line 17
            noFirm = true;
            exclude.add(Technique.HOT_STONE);
            exclude.add(Technique.DEEP_TISSUE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (spinalSurgery) {
            neverFocus.add(BodyArea.LOWER_BACK);
        }
        if (c.contains(Condition.VARICOSE_VEINS) || c.contains(Condition.PREGNANCY)) {     // line 18
            noFirm = true;
            exclude.add(Technique.HOT_STONE);
            neverFocus.add(BodyArea.SOLEUS);
            neverFocus.add(BodyArea.GASTROCNEMIUS);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (c.contains(Condition.OPEN_WOUND)) {                                            // line 20
            exclude.add(Technique.HOT_STONE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            warn.add(WarningCode.WOUND_SITE);
        }
        if (a.course() == Course.ACUTE && a.age() != null && (a.age() >= 50 || a.age() < 20)) { // line 23
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            warn.add(WarningCode.SEEK_MEDICAL_ASSESSMENT);
            tpNotFirst = true;
        }
        if (urgency == null && exclude.size() == Technique.values().length) {             // line 3
            urgency = Urgency.URGENT;
            warn.add(WarningCode.NO_SAFE_TECHNIQUE);
        }
        if (urgency != null) {
            atLeast = Disposition.REFER;
            exclude = EnumSet.allOf(Technique.class);
        } else {
            warn.add(WarningCode.NO_DIRECT_NERVE_PRESSURE);                                // line 24
        }
        return new Demand(atLeast, urgency, exclude, noFirm, warn, tpNotFirst, neverFocus, spinalSurgery);
    }

    private SafetyOracle() {
    }
}
