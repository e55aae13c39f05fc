package org.sciatica.advisor;

import java.util.EnumSet;
import java.util.Set;

/**
 * The safety table (docs/SPEC.md, lines 1 to 38) written once more in plain Java, independent of
 * the rules and of the runtime monitor, for the sweep to compare the rules' answers against. It
 * says what every answer must at least do; the rules may be more cautious, except that they refer
 * exactly when it does. Lines that shape hands-on advice apply only to answers that do not refer.
 */
final class SafetyOracle {
    private static final Set<RedFlag> CAUDA_EQUINA = EnumSet.of(RedFlag.SADDLE_ANESTHESIA, RedFlag.BLADDER_DYSFUNCTION,
            RedFlag.BOWEL_DYSFUNCTION, RedFlag.SEXUAL_DYSFUNCTION, RedFlag.BILATERAL_SCIATICA);
    private static final Set<RedFlag> INFECTION_OR_TRAUMA = EnumSet.of(RedFlag.FEVER, RedFlag.IV_DRUG_USE,
            RedFlag.RECENT_BACTERIAL_INFECTION, RedFlag.IMMUNOSUPPRESSION, RedFlag.RECENT_MAJOR_TRAUMA);
    private static final Set<Cause> NERVE_ROOT_OR_UNKNOWN = EnumSet.of(Cause.HERNIATED_DISC, Cause.SPINAL_STENOSIS,
            Cause.OTHER_SPINAL, Cause.UNKNOWN);
    private static final Set<Symptom> NERVE_SYMPTOMS = EnumSet.of(Symptom.SHOOTING_PAIN, Symptom.BURNING_PAIN,
            Symptom.TINGLING, Symptom.PINS_AND_NEEDLES, Symptom.NUMBNESS, Symptom.WEAKNESS);

    /**
     * What the table demands of one answer.
     *
     * @param lightOnly        every technique at LIGHT pressure (line 35)
     * @param cancerEmergency  the referral names the acute oncology line (line 27)
     * @param noBooking        no sessions a week and no series booked before an assessment (line 34),
     *                         given the warnings the answer must raise
     * @param noLegSteps       no plan step works the calves or the backs of the thighs (line 30)
     */
    record Demand(Disposition atLeast, Urgency urgency, Set<Technique> mustExclude, boolean noFirmPressure,
                  Set<WarningCode> mustWarn, boolean triggerPointNotFirst, Set<BodyArea> neverFocus,
                  boolean noLowerBackStep, boolean lightOnly, boolean cancerEmergency, boolean noBooking,
                  boolean noLegSteps) {
    }

    static Demand demand(Assessment a) {
        Set<Technique> exclude = EnumSet.noneOf(Technique.class);
        Set<WarningCode> warn = EnumSet.noneOf(WarningCode.class);
        Set<BodyArea> neverFocus = EnumSet.noneOf(BodyArea.class);
        Disposition atLeast = Disposition.PROCEED;
        Urgency urgency = null;
        boolean noFirm = false;
        boolean tpNotFirst = false;
        boolean lightOnly = false;
        boolean cancerEmergency = false;
        Set<Condition> c = a.conditions();
        Set<Symptom> s = a.symptoms();
        Set<RedFlag> f = a.redFlags();
        Integer age = a.age();
        boolean steroids = c.contains(Condition.LONG_TERM_CORTICOSTEROIDS);
        boolean deficit = s.contains(Symptom.NUMBNESS) || s.contains(Symptom.WEAKNESS)
                || f.contains(RedFlag.PROGRESSIVE_WEAKNESS) || f.contains(RedFlag.FOOT_DROP);

        // Referrals: lines 1, 2, 25 to 28, 31 and 32.
        if (!f.isEmpty()) {                                                                // line 1
            urgency = f.stream().anyMatch(CAUDA_EQUINA::contains) ? Urgency.EMERGENCY : Urgency.URGENT;
            warn.add(WarningCode.RED_FLAG_REFERRAL);
        }
        if (deficit && f.stream().anyMatch(INFECTION_OR_TRAUMA::contains)) {               // line 25
            urgency = Urgency.EMERGENCY;
        }
        if (f.contains(RedFlag.PROGRESSIVE_WEAKNESS) || f.contains(RedFlag.FOOT_DROP)) {   // line 26
            urgency = Urgency.EMERGENCY;
        }
        if (f.contains(RedFlag.HISTORY_OF_CANCER)
                && (NERVE_ROOT_OR_UNKNOWN.contains(a.cause()) || s.stream().anyMatch(NERVE_SYMPTOMS::contains))) { // line 27
            urgency = Urgency.EMERGENCY;
            cancerEmergency = true;
        }
        if (c.contains(Condition.DEEP_VEIN_THROMBOSIS)) {                                  // line 2
            urgency = urgency == null ? Urgency.URGENT : urgency;
            warn.add(WarningCode.CONDITION_REFERRAL);
        }
        if (age != null && age < 16) {                                                     // line 28
            urgency = urgency == null ? Urgency.URGENT : urgency;
        }
        if (steroids && (a.course() == Course.ACUTE || (age != null && age >= 50) || a.painLevel() >= 7)) { // line 31
            urgency = urgency == null ? Urgency.URGENT : urgency;
            warn.add(WarningCode.CONDITION_REFERRAL);
        }
        boolean fragile = c.contains(Condition.OSTEOPOROSIS) || steroids || (age != null && age >= 70);
        if (c.contains(Condition.RECENT_MINOR_TRAUMA) && fragile) {                        // line 32
            urgency = urgency == null ? Urgency.URGENT : urgency;
            warn.add(WarningCode.CONDITION_REFERRAL);
        }
        if (c.contains(Condition.OSTEOPOROSIS) && a.course() == Course.ACUTE && a.painLevel() >= 7) { // line 36
            urgency = urgency == null ? Urgency.URGENT : urgency;
            warn.add(WarningCode.CONDITION_REFERRAL);
        }
        boolean signs = s.contains(Symptom.NUMBNESS) || s.contains(Symptom.WEAKNESS);
        if (c.contains(Condition.RECENT_SPINAL_SURGERY) && (signs || a.painLevel() >= 7)) { // line 37
            urgency = urgency == null ? Urgency.URGENT : urgency;
            warn.add(WarningCode.CONDITION_REFERRAL);
        }
        if (c.contains(Condition.RECENT_MINOR_TRAUMA) && signs && (fragile || c.contains(Condition.ANTICOAGULANT_THERAPY)
                || c.contains(Condition.BLEEDING_DISORDER))) {                             // line 38
            urgency = Urgency.EMERGENCY;
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
        if (c.contains(Condition.OSTEOPOROSIS) || steroids) {                              // lines 9, 19
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
        if (s.contains(Symptom.NUMBNESS) || s.contains(Symptom.WEAKNESS)) {                // lines 16, 35
            tpNotFirst = true;
            noFirm = true;
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            warn.add(WarningCode.NEUROLOGICAL_SIGNS);
            lightOnly = true;
            exclude.add(Technique.TRIGGER_POINT);                                          // never at LIGHT (line 35)
        }
        boolean spinalSurgery = c.contains(Condition.RECENT_SPINAL_SURGERY);
        boolean surgery = c.contains(Condition.RECENT_SURGERY) || spinalSurgery;
        if (surgery) {                                                                     // lines 17, 30
            noFirm = true;
            exclude.add(Technique.HOT_STONE);
            exclude.add(Technique.DEEP_TISSUE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            neverFocus.add(BodyArea.SOLEUS);
            neverFocus.add(BodyArea.GASTROCNEMIUS);
            neverFocus.add(BodyArea.HAMSTRINGS);
        }
        if (spinalSurgery) {
            neverFocus.add(BodyArea.LOWER_BACK);
        }
        if (c.contains(Condition.ANTICOAGULANT_THERAPY)) {                                 // line 30
            neverFocus.add(BodyArea.SOLEUS);
            neverFocus.add(BodyArea.GASTROCNEMIUS);
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
        if (a.course() == Course.ACUTE && age != null && (age >= 50 || age < 20)) {        // line 23
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            warn.add(WarningCode.SEEK_MEDICAL_ASSESSMENT);
            tpNotFirst = true;
        }
        if (age != null && age >= 75) {                                                    // line 29
            exclude.add(Technique.DEEP_TISSUE);
            exclude.add(Technique.HOT_STONE);
            noFirm = true;
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (steroids) {                                                                    // line 31
            exclude.add(Technique.HOT_STONE);
        }
        if (c.contains(Condition.RECENT_MINOR_TRAUMA)) {                                   // line 32
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            noFirm = true;
        }
        if (urgency == null && exclude.size() == Technique.values().length) {             // line 3
            urgency = Urgency.URGENT;
            warn.add(WarningCode.NO_SAFE_TECHNIQUE);
        }
        boolean noBooking = warn.contains(WarningCode.SEEK_MEDICAL_ASSESSMENT) || warn.contains(WarningCode.NEUROLOGICAL_SIGNS)
                || warn.contains(WarningCode.CAUSE_UNKNOWN);                               // line 34
        if (urgency != null) {
            // A referral carries no hands-on advice (line 33): only the referral warnings are demanded.
            atLeast = Disposition.REFER;
            exclude = EnumSet.allOf(Technique.class);
            warn.removeIf(w -> w.severity() != Severity.REFERRAL);
        } else {
            warn.add(WarningCode.NO_DIRECT_NERVE_PRESSURE);                                // line 24
        }
        return new Demand(atLeast, urgency, exclude, noFirm, warn, tpNotFirst, neverFocus, spinalSurgery, lightOnly,
                cancerEmergency, noBooking, surgery);
    }

    private SafetyOracle() {
    }
}
