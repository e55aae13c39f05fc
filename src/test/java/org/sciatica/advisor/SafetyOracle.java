package org.sciatica.advisor;

import java.util.EnumSet;
import java.util.Set;

/**
 * The contract's safety table (CONTRACT.md section 3) written once more in plain Java, independent
 * of the rules, for the sweep to compare the rules' answers against. It says what every answer
 * must at least do; the rules may be more cautious, except that they refer exactly when it does.
 */
final class SafetyOracle {
    private static final Set<RedFlag> CAUDA_EQUINA = EnumSet.of(RedFlag.SADDLE_ANESTHESIA, RedFlag.BLADDER_DYSFUNCTION,
            RedFlag.BOWEL_DYSFUNCTION, RedFlag.SEXUAL_DYSFUNCTION, RedFlag.BILATERAL_SCIATICA);

    /** What the table demands of one answer. */
    record Demand(Disposition atLeast, Urgency urgency, Set<Technique> mustExclude, boolean noFirmPressure,
                  Set<WarningCode> mustWarn, boolean triggerPointNotFirst) {
    }

    static Demand demand(Assessment a) {
        Set<Technique> exclude = EnumSet.noneOf(Technique.class);
        Set<WarningCode> warn = EnumSet.noneOf(WarningCode.class);
        Disposition atLeast = Disposition.PROCEED;
        Urgency urgency = null;
        boolean noFirm = false;

        if (!a.redFlags().isEmpty()) {                                                    // line 1
            urgency = a.redFlags().stream().anyMatch(CAUDA_EQUINA::contains) ? Urgency.EMERGENCY : Urgency.URGENT;
            warn.add(WarningCode.RED_FLAG_REFERRAL);
        }
        if (a.conditions().contains(Condition.DEEP_VEIN_THROMBOSIS)) {                     // line 2
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
        if (a.conditions().contains(Condition.ANTICOAGULANT_THERAPY) || a.conditions().contains(Condition.BLEEDING_DISORDER)) {
            exclude.add(Technique.DEEP_TISSUE);                                            // line 6
            exclude.add(Technique.TRIGGER_POINT);
        }
        if (a.conditions().contains(Condition.PERIPHERAL_NEUROPATHY) || a.conditions().contains(Condition.DIABETES)) {
            exclude.add(Technique.HOT_STONE);                                              // line 7
        }
        if (a.conditions().contains(Condition.PREGNANCY)) {                                // line 8
            exclude.add(Technique.HOT_STONE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (a.conditions().contains(Condition.OSTEOPOROSIS)) {                             // line 9
            exclude.add(Technique.DEEP_TISSUE);
            noFirm = true;
        }
        if (a.conditions().contains(Condition.RECENT_SURGERY)) {                           // line 10
            exclude.add(Technique.DEEP_TISSUE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (a.conditions().contains(Condition.SKIN_CONDITION)) {                           // line 11
            exclude.add(Technique.HOT_STONE);
        }
        boolean nerveCompression = a.cause() == Cause.HERNIATED_DISC || a.cause() == Cause.SPINAL_STENOSIS
                || a.cause() == Cause.OTHER_SPINAL;
        if (nerveCompression) {                                                            // line 12
            warn.add(WarningCode.NERVE_COMPRESSION_CAUSE);
            atLeast = Disposition.PROCEED_WITH_CAUTION;
        }
        if (a.cause() == Cause.UNKNOWN) {                                                  // warning table
            warn.add(WarningCode.CAUSE_UNKNOWN);
        }
        if (a.painLevel() >= 7) {                                                          // line 13
            atLeast = Disposition.PROCEED_WITH_CAUTION;
            noFirm = true;
            warn.add(WarningCode.SEVERE_PAIN_CONSULT);
        }
        if (urgency == null && exclude.size() == Technique.values().length) {             // line 3
            urgency = Urgency.URGENT;
            warn.add(WarningCode.NO_SAFE_TECHNIQUE);
        }
        if (urgency != null) {
            atLeast = Disposition.REFER;
            exclude = EnumSet.allOf(Technique.class);
        } else {
            warn.add(WarningCode.NO_DIRECT_NERVE_PRESSURE);                                // warning table
        }
        return new Demand(atLeast, urgency, exclude, noFirm, warn, nerveCompression);
    }

    private SafetyOracle() {
    }
}
