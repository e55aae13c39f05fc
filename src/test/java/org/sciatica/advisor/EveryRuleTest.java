package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sciatica.advisor.BodyArea.GLUTEUS_MINIMUS;
import static org.sciatica.advisor.BodyArea.GASTROCNEMIUS;
import static org.sciatica.advisor.BodyArea.HAMSTRINGS;
import static org.sciatica.advisor.BodyArea.IT_BAND;
import static org.sciatica.advisor.BodyArea.LOWER_BACK;
import static org.sciatica.advisor.BodyArea.SOLEUS;
import static org.sciatica.advisor.Condition.ANTICOAGULANT_THERAPY;
import static org.sciatica.advisor.Condition.BLEEDING_DISORDER;
import static org.sciatica.advisor.Condition.DEEP_VEIN_THROMBOSIS;
import static org.sciatica.advisor.Condition.PERIPHERAL_NEUROPATHY;
import static org.sciatica.advisor.Symptom.BURNING_PAIN;
import static org.sciatica.advisor.Condition.DIABETES;
import static org.sciatica.advisor.Condition.LONG_TERM_CORTICOSTEROIDS;
import static org.sciatica.advisor.Condition.OPEN_WOUND;
import static org.sciatica.advisor.Condition.OSTEOPOROSIS;
import static org.sciatica.advisor.Condition.PREGNANCY;
import static org.sciatica.advisor.Condition.RECENT_SPINAL_SURGERY;
import static org.sciatica.advisor.Condition.RECENT_SURGERY;
import static org.sciatica.advisor.Condition.SKIN_CONDITION;
import static org.sciatica.advisor.Condition.VARICOSE_VEINS;
import static org.sciatica.advisor.Course.ACUTE;
import static org.sciatica.advisor.Course.CHRONIC;
import static org.sciatica.advisor.Inflammation.MILD;
import static org.sciatica.advisor.Pressure.LIGHT;
import static org.sciatica.advisor.Pressure.MODERATE;
import static org.sciatica.advisor.RedFlag.FEVER;
import static org.sciatica.advisor.RedFlag.FOOT_DROP;
import static org.sciatica.advisor.RedFlag.HISTORY_OF_CANCER;
import static org.sciatica.advisor.RedFlag.NIGHT_PAIN;
import static org.sciatica.advisor.RedFlag.RECENT_MAJOR_TRAUMA;
import static org.sciatica.advisor.RedFlag.SADDLE_ANESTHESIA;
import static org.sciatica.advisor.Symptom.MUSCLE_SPASM;
import static org.sciatica.advisor.Symptom.NUMBNESS;
import static org.sciatica.advisor.Symptom.STIFFNESS;
import static org.sciatica.advisor.Symptom.TINGLING;
import static org.sciatica.advisor.Symptom.WEAKNESS;
import static org.sciatica.advisor.Technique.DEEP_TISSUE;
import static org.sciatica.advisor.Technique.HOT_STONE;
import static org.sciatica.advisor.Technique.SWEDISH;
import static org.sciatica.advisor.Technique.TRIGGER_POINT;
import static org.sciatica.advisor.Technique.VIBRATION;
import static org.sciatica.advisor.WarningCode.BLEEDING_RISK;
import static org.sciatica.advisor.WarningCode.CAUSE_UNKNOWN;
import static org.sciatica.advisor.WarningCode.CONDITION_REFERRAL;
import static org.sciatica.advisor.WarningCode.NERVE_COMPRESSION_CAUSE;
import static org.sciatica.advisor.WarningCode.NO_DIRECT_NERVE_PRESSURE;
import static org.sciatica.advisor.WarningCode.NO_SAFE_TECHNIQUE;
import static org.sciatica.advisor.WarningCode.PREGNANCY_CLEARANCE;
import static org.sciatica.advisor.WarningCode.RED_FLAG_REFERRAL;
import static org.sciatica.advisor.WarningCode.SEVERE_PAIN_CONSULT;
import static org.sciatica.advisor.testing.Cases.advise;
import static org.sciatica.advisor.testing.Cases.gluteusMinimusReferral;
import static org.sciatica.advisor.testing.Cases.herniatedDisc;
import static org.sciatica.advisor.testing.Cases.muscleTension;
import static org.sciatica.advisor.testing.Cases.piriformisSyndrome;
import static org.sciatica.advisor.testing.Cases.spinalStenosis;
import static org.sciatica.advisor.testing.Cases.unknownCause;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.sciatica.advisor.testing.Cases;
import org.sciatica.advisor.testing.ClinicalAssertions;
import org.sciatica.advisor.testing.RecommendationAssert;

/**
 * Every rule, one row each: the case it is for (it fires and has its effect) and a near miss (a
 * similar case in which it must not fire). Rules that hold for every client have no near miss.
 */
class EveryRuleTest {

    private static final SciaticaAdvisor NO_GENTLE = TestRules.NoGentleTechnique.ADVISOR;

    private static final List<RuleCase> RULES = List.of(
            // 10-red-flags.drl
            rule("RF-01", "saddle anaesthesia", herniatedDisc().redFlags(SADDLE_ANESTHESIA),
                    r -> r.refersWithUrgency(Urgency.EMERGENCY).warns(RED_FLAG_REFERRAL).recommendsNothing(),
                    "fever, not a cauda equina sign", herniatedDisc().redFlags(FEVER)),
            rule("RF-09", "sexual dysfunction", herniatedDisc().redFlags(RedFlag.SEXUAL_DYSFUNCTION),
                    r -> r.refersWithUrgency(Urgency.EMERGENCY).warns(RED_FLAG_REFERRAL).recommendsNothing(),
                    "saddle anaesthesia, another cauda equina sign", herniatedDisc().redFlags(SADDLE_ANESTHESIA)),
            rule("RF-02", "foot drop", muscleTension().redFlags(FOOT_DROP),
                    r -> r.refersWithUrgency(Urgency.EMERGENCY).warns(RED_FLAG_REFERRAL),
                    "weakness that is not progressive", muscleTension().symptoms(WEAKNESS)),
            rule("RF-03", "fever", muscleTension().redFlags(FEVER),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(RED_FLAG_REFERRAL),
                    "night pain, a different red flag", muscleTension().redFlags(NIGHT_PAIN)),
            rule("RF-04", "night pain", muscleTension().redFlags(NIGHT_PAIN),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(RED_FLAG_REFERRAL),
                    "recent major trauma, a different red flag", muscleTension().redFlags(RECENT_MAJOR_TRAUMA)),
            rule("RF-05", "recent major trauma", muscleTension().redFlags(RECENT_MAJOR_TRAUMA),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(RED_FLAG_REFERRAL),
                    "recent surgery, not trauma", muscleTension().conditions(RECENT_SURGERY)),
            rule("RF-06", "a history of cancer with tingling", muscleTension().redFlags(HISTORY_OF_CANCER).symptoms(TINGLING),
                    r -> r.refersWithUrgency(Urgency.EMERGENCY).warns(RED_FLAG_REFERRAL),
                    "a history of cancer, muscle tension, no nerve symptom", muscleTension().redFlags(HISTORY_OF_CANCER).symptoms(STIFFNESS)),
            rule("RF-07", "fever with weakness", muscleTension().redFlags(FEVER).symptoms(WEAKNESS),
                    r -> r.refersWithUrgency(Urgency.EMERGENCY).warns(RED_FLAG_REFERRAL),
                    "fever with tingling, no loss of nerve function", muscleTension().redFlags(FEVER).symptoms(TINGLING)),
            rule("RF-08", "a 12-year-old", muscleTension().course(CHRONIC).age(12),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(WarningCode.YOUNG_CLIENT).recommendsNothing()
                            .hasNoSessionFrequency().doesNotWarn(NO_DIRECT_NERVE_PRESSURE),
                    "a 16-year-old", muscleTension().course(CHRONIC).age(16)),
            // 20-contraindications.drl
            rule("CI-01", "deep vein thrombosis", muscleTension().conditions(DEEP_VEIN_THROMBOSIS),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(CONDITION_REFERRAL).doesNotWarn(NO_DIRECT_NERVE_PRESSURE),
                    "varicose veins, not a clot", muscleTension().conditions(VARICOSE_VEINS)),
            rule("CI-02", "anticoagulant therapy", muscleTension().conditions(ANTICOAGULANT_THERAPY),
                    r -> r.proceedsWithCaution().excludes(DEEP_TISSUE).warns(BLEEDING_RISK).hasPressureAtMost(MODERATE),
                    "varicose veins", muscleTension().conditions(VARICOSE_VEINS)),
            rule("CI-34", "a bleeding disorder", piriformisSyndrome().conditions(BLEEDING_DISORDER),
                    r -> r.excludes(TRIGGER_POINT),
                    "piriformis syndrome, no condition", piriformisSyndrome()),
            rule("CI-03", "diabetes", muscleTension().conditions(DIABETES).symptoms(STIFFNESS).course(CHRONIC),
                    r -> r.excludes(HOT_STONE).warns(WarningCode.REDUCED_SENSATION),
                    "tingling without numbness", muscleTension().symptoms(TINGLING, STIFFNESS)),
            rule("CI-31", "peripheral neuropathy", muscleTension().conditions(PERIPHERAL_NEUROPATHY).symptoms(STIFFNESS).course(CHRONIC),
                    r -> r.excludes(DEEP_TISSUE).hasPressureAtMost(MODERATE).warns(WarningCode.REDUCED_SENSATION),
                    "burning pain, not reduced sensation", muscleTension().symptoms(BURNING_PAIN, STIFFNESS).course(CHRONIC)),
            rule("CI-04", "pregnancy", muscleTension().conditions(Condition.PREGNANCY).symptoms(STIFFNESS),
                    r -> r.proceedsWithCaution().excludes(HOT_STONE).warns(PREGNANCY_CLEARANCE),
                    "no condition", muscleTension().symptoms(STIFFNESS)),
            rule("CI-13", "pregnancy with tense calves and hamstrings", muscleTension().conditions(PREGNANCY).tenseAreas(SOLEUS, GASTROCNEMIUS, HAMSTRINGS),
                    r -> r.hasPressureAtMost(MODERATE).doesNotFocusOn(SOLEUS, GASTROCNEMIUS, HAMSTRINGS).hasPlanStepFrom("SP-07"),
                    "tense calves, not pregnant", muscleTension().tenseAreas(SOLEUS, GASTROCNEMIUS)),
            rule("CI-05", "osteoporosis", muscleTension().conditions(OSTEOPOROSIS).course(CHRONIC),
                    r -> r.excludes(DEEP_TISSUE).hasPressureAtMost(LIGHT).warns(WarningCode.WEAKENED_BONES),
                    "no condition", muscleTension().course(CHRONIC)),
            rule("CI-14", "long-term corticosteroids with a tense lower back", muscleTension().conditions(LONG_TERM_CORTICOSTEROIDS).course(CHRONIC).tenseAreas(LOWER_BACK),
                    r -> r.excludes(DEEP_TISSUE).hasPressureAtMost(LIGHT).warns(WarningCode.WEAKENED_BONES).doesNotFocusOn(LOWER_BACK),
                    "no condition", muscleTension().course(CHRONIC)),
            rule("CI-06", "recent surgery", muscleTension().conditions(RECENT_SURGERY).course(CHRONIC).symptoms(STIFFNESS),
                    r -> r.proceedsWithCaution().excludes(DEEP_TISSUE, HOT_STONE).hasPressureAtMost(MODERATE).warns(WarningCode.SURGICAL_SITE),
                    "no condition", muscleTension().course(CHRONIC)),
            rule("CI-15", "recent spinal surgery with a tense lower back", herniatedDisc().conditions(RECENT_SPINAL_SURGERY).tenseAreas(LOWER_BACK),
                    r -> r.doesNotFocusOn(LOWER_BACK).hasPlanStepFrom("SP-07"),
                    "recent surgery elsewhere, muscle tension", muscleTension().conditions(RECENT_SURGERY).tenseAreas(LOWER_BACK)),
            rule("CI-17", "recent surgery at an unknown site, piriformis syndrome, a tense lower back",
                    piriformisSyndrome().conditions(RECENT_SURGERY).tenseAreas(LOWER_BACK),
                    r -> r.doesNotFocusOn(LOWER_BACK).hasPlanStepFrom("SP-07").warns(WarningCode.SURGICAL_SITE),
                    "no surgery, a tense lower back", piriformisSyndrome().tenseAreas(LOWER_BACK)),
            rule("CI-18", "muscle tension with diabetes", muscleTension().conditions(DIABETES),
                    r -> r.excludes(TRIGGER_POINT).excludes(DEEP_TISSUE).excludes(HOT_STONE),
                    "muscle tension without reduced sensation", muscleTension()),
            rule("CI-19", "a 90-year-old with chronic muscle tension and stiffness", muscleTension().course(CHRONIC).age(90).symptoms(STIFFNESS),
                    r -> r.proceedsWithCaution().excludes(DEEP_TISSUE, HOT_STONE, TRIGGER_POINT).hasPressureAtMost(LIGHT)
                            .warns(WarningCode.OLDER_CLIENT),
                    "a 74-year-old", muscleTension().course(CHRONIC).age(74)),
            rule("CI-20", "recent surgery with tense calves and hamstrings", muscleTension().conditions(RECENT_SURGERY).tenseAreas(SOLEUS, GASTROCNEMIUS, HAMSTRINGS),
                    r -> r.doesNotFocusOn(SOLEUS, GASTROCNEMIUS, HAMSTRINGS).warns(WarningCode.SURGICAL_SITE),
                    "tense calves, no surgery", muscleTension().tenseAreas(SOLEUS, GASTROCNEMIUS, HAMSTRINGS)),
            rule("CI-21", "anticoagulants with tense calves", muscleTension().conditions(ANTICOAGULANT_THERAPY).tenseAreas(SOLEUS, GASTROCNEMIUS),
                    r -> r.doesNotFocusOn(SOLEUS, GASTROCNEMIUS).warns(BLEEDING_RISK),
                    "a bleeding disorder with tense calves", muscleTension().conditions(BLEEDING_DISORDER).tenseAreas(SOLEUS)),
            rule("CI-22", "long-term corticosteroids with stiffness", muscleTension().conditions(LONG_TERM_CORTICOSTEROIDS).course(CHRONIC).age(40).symptoms(STIFFNESS),
                    r -> r.excludes(HOT_STONE),
                    "stiffness alone", muscleTension().course(CHRONIC).age(40).symptoms(STIFFNESS)),
            rule("CI-23", "long-term corticosteroids with new sciatica", muscleTension().conditions(LONG_TERM_CORTICOSTEROIDS).course(ACUTE).age(40),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(CONDITION_REFERRAL),
                    "long-term corticosteroids, chronic, 40, pain 4", muscleTension().conditions(LONG_TERM_CORTICOSTEROIDS).course(CHRONIC).age(40)),
            rule("CI-24", "a minor fall at 72", muscleTension().conditions(Condition.RECENT_MINOR_TRAUMA).course(ACUTE).age(72),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(CONDITION_REFERRAL),
                    "a minor fall at 40", muscleTension().conditions(Condition.RECENT_MINOR_TRAUMA).course(ACUTE).age(40)),
            rule("CI-25", "a minor fall at 40", muscleTension().conditions(Condition.RECENT_MINOR_TRAUMA).course(CHRONIC).age(40),
                    r -> r.proceedsWithCaution().hasPressureAtMost(MODERATE).warns(WarningCode.MINOR_TRAUMA),
                    "no trauma", muscleTension().course(CHRONIC).age(40)),
            rule("CI-27", "osteoporosis, new sciatica, pain 8", muscleTension().conditions(OSTEOPOROSIS).course(ACUTE).age(70).painLevel(8),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(CONDITION_REFERRAL),
                    "osteoporosis, new sciatica, pain 6", muscleTension().conditions(OSTEOPOROSIS).course(ACUTE).age(70).painLevel(6)),
            rule("CI-28", "recent spinal surgery with numbness", herniatedDisc().conditions(RECENT_SPINAL_SURGERY).symptoms(NUMBNESS),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(CONDITION_REFERRAL),
                    "recent spinal surgery with tingling", herniatedDisc().conditions(RECENT_SPINAL_SURGERY).symptoms(TINGLING)),
            rule("CI-29", "a minor fall on anticoagulants with weakness", muscleTension().conditions(Condition.RECENT_MINOR_TRAUMA, ANTICOAGULANT_THERAPY).symptoms(WEAKNESS).age(60),
                    r -> r.refersWithUrgency(Urgency.EMERGENCY).warns(CONDITION_REFERRAL),
                    "a minor fall with weakness at 40", muscleTension().conditions(Condition.RECENT_MINOR_TRAUMA).symptoms(WEAKNESS).age(40)),
            rule("CI-30", "mild inflammation with stiffness", muscleTension().inflammation(MILD).symptoms(STIFFNESS).course(CHRONIC),
                    r -> r.excludes(HOT_STONE, DEEP_TISSUE).hasPressureAtMost(MODERATE),
                    "no inflammation", muscleTension().symptoms(STIFFNESS).course(CHRONIC)),
            rule("CI-26", "acute inflammation (light pressure only)", muscleTension().inflammation(Inflammation.ACUTE),
                    r -> r.excludes(TRIGGER_POINT).hasPressureAtMost(LIGHT),
                    "mild inflammation", muscleTension().inflammation(Inflammation.MILD)),
            rule("CI-07", "a skin condition", muscleTension().conditions(SKIN_CONDITION).symptoms(STIFFNESS),
                    r -> r.excludes(HOT_STONE).warns(WarningCode.AFFECTED_SKIN),
                    "no condition", muscleTension().symptoms(STIFFNESS)),
            rule("CI-08", "varicose veins with tense calves and hamstrings", muscleTension().conditions(VARICOSE_VEINS).tenseAreas(SOLEUS, GASTROCNEMIUS, HAMSTRINGS),
                    r -> r.proceedsWithCaution().warns(WarningCode.VEIN_PRESSURE).hasPressureAtMost(MODERATE)
                            .doesNotFocusOn(SOLEUS, GASTROCNEMIUS, HAMSTRINGS),
                    "no condition", muscleTension()),
            rule("CI-32", "varicose veins with stiff muscles", muscleTension().conditions(VARICOSE_VEINS).symptoms(STIFFNESS),
                    r -> r.excludes(HOT_STONE),
                    "stiff muscles, no condition", muscleTension().symptoms(STIFFNESS)),
            rule("CI-16", "an open wound", muscleTension().conditions(OPEN_WOUND).symptoms(STIFFNESS),
                    r -> r.proceedsWithCaution().warns(WarningCode.WOUND_SITE),
                    "a skin condition, not a wound", muscleTension().conditions(SKIN_CONDITION)),
            rule("CI-33", "an open wound with stiff muscles", muscleTension().conditions(OPEN_WOUND).symptoms(STIFFNESS),
                    r -> r.excludes(HOT_STONE),
                    "stiff muscles, no condition", muscleTension().symptoms(STIFFNESS)),
            rule("CI-09", "acute inflammation", muscleTension().inflammation(Inflammation.ACUTE),
                    r -> r.excludes(DEEP_TISSUE, HOT_STONE).hasPressureAtMost(LIGHT).warns(WarningCode.ACUTE_INFLAMMATION),
                    "mild inflammation", muscleTension().inflammation(MILD)),
            rule("CI-10", "high pressure sensitivity", muscleTension().sensitivity(Sensitivity.HIGH),
                    r -> r.excludes(DEEP_TISSUE, TRIGGER_POINT).hasPressureAtMost(LIGHT),
                    "moderate pressure sensitivity", muscleTension().sensitivity(Sensitivity.MODERATE)),
            rule("CI-11", "piriformis syndrome with pain 8", piriformisSyndrome().painLevel(8),
                    r -> r.proceedsWithCaution().hasPressureAtMost(MODERATE).warns(SEVERE_PAIN_CONSULT).doesNotRecommendFirst(TRIGGER_POINT),
                    "pain 6", muscleTension().painLevel(6)),
            rule("CI-12", "chronic muscle tension with pain 7 (pressure limited)", muscleTension().course(CHRONIC).painLevel(7),
                    r -> r.excludes(DEEP_TISSUE),
                    "chronic muscle tension with pain 6 (no limit)", muscleTension().course(CHRONIC).painLevel(6)),
            // 30-technique-choice.drl
            rule("TQ-01", "chronic muscle tension", muscleTension().course(CHRONIC),
                    r -> r.recommends(DEEP_TISSUE).ranksAbove(DEEP_TISSUE, SWEDISH),
                    "acute muscle tension", muscleTension().course(ACUTE)),
            rule("TQ-02", "piriformis syndrome", piriformisSyndrome(),
                    r -> r.recommendsFirst(TRIGGER_POINT),
                    "a herniated disc, a nerve compression", herniatedDisc()),
            rule("TQ-03", "mild inflammation", muscleTension().inflammation(MILD),
                    r -> r.recommendsFirst(SWEDISH),
                    "no inflammation, low sensitivity", muscleTension()),
            rule("TQ-04", "stiff muscles", muscleTension().symptoms(STIFFNESS),
                    r -> r.recommends(HOT_STONE).ranksAbove(HOT_STONE, SWEDISH),
                    "muscle spasm but no stiffness", muscleTension().symptoms(MUSCLE_SPASM)),
            rule("TQ-05", "pain 8: pressure not tolerated", muscleTension().painLevel(8),
                    r -> r.recommendsFirst(VIBRATION),
                    "a herniated disc with low sensitivity: pressure limited, but tolerated", herniatedDisc()),
            rule("TQ-06", "any client", muscleTension(),
                    r -> r.recommends(SWEDISH), null, null),
            rule("TQ-08", "a herniated disc with stiffness, low sensitivity, no inflammation", herniatedDisc().symptoms(STIFFNESS),
                    r -> r.recommendsFirst(SWEDISH),
                    "piriformis syndrome", piriformisSyndrome()),
            rule("TQ-07", "piriformis syndrome (nothing argues for vibration)", piriformisSyndrome(),
                    r -> r.recommends(VIBRATION, HOT_STONE),
                    "every technique argued for or excluded",
                    muscleTension().course(CHRONIC).sensitivity(Sensitivity.HIGH).symptoms(STIFFNESS)),
            // 40-nerve-safety.drl
            rule("NS-01", "any client who is not referred", piriformisSyndrome(),
                    r -> r.doesNotRefer().warns(NO_DIRECT_NERVE_PRESSURE), null, null),
            rule("NS-02", "a herniated disc", herniatedDisc(),
                    r -> r.proceedsWithCaution().warns(NERVE_COMPRESSION_CAUSE).hasPressureAtMost(MODERATE).excludes(DEEP_TISSUE),
                    "piriformis syndrome", piriformisSyndrome()),
            rule("NS-03", "spinal stenosis", spinalStenosis(),
                    r -> r.ranksAbove(SWEDISH, TRIGGER_POINT).ranksAbove(HOT_STONE, TRIGGER_POINT),
                    "muscle tension", muscleTension()),
            rule("NS-04", "an unknown cause", unknownCause(),
                    r -> r.proceedsWithCaution().warns(CAUSE_UNKNOWN).excludes(DEEP_TISSUE).hasPressureAtMost(MODERATE),
                    "a known muscular cause", muscleTension()),
            rule("NS-05", "a herniated disc when only trigger point would be left", NO_GENTLE,
                    herniatedDisc().symptoms(MUSCLE_SPASM),
                    r -> r.refers().excludes(TRIGGER_POINT).warns(NO_SAFE_TECHNIQUE),
                    "a herniated disc with gentle techniques available", herniatedDisc()),
            rule("NS-06", "every technique excluded", NO_GENTLE,
                    muscleTension().sensitivity(Sensitivity.HIGH).symptoms(MUSCLE_SPASM),
                    r -> r.refersWithUrgency(Urgency.URGENT).warns(NO_SAFE_TECHNIQUE).doesNotWarn(NO_DIRECT_NERVE_PRESSURE),
                    "deep tissue and trigger point still allowed", muscleTension().symptoms(MUSCLE_SPASM)),
            rule("NS-07", "piriformis syndrome with numbness and weakness", piriformisSyndrome().course(CHRONIC).symptoms(NUMBNESS, WEAKNESS),
                    r -> r.proceedsWithCaution().warns(WarningCode.NEUROLOGICAL_SIGNS)
                            .excludes(DEEP_TISSUE, TRIGGER_POINT).hasPressureAtMost(LIGHT).hasNoSessionFrequency(),
                    "piriformis syndrome with tingling only", piriformisSyndrome().symptoms(TINGLING)),
            rule("NS-08", "new sciatica at 55", muscleTension().course(ACUTE).age(55),
                    r -> r.proceedsWithCaution().warns(WarningCode.SEEK_MEDICAL_ASSESSMENT).hasPressureAtMost(MODERATE),
                    "new sciatica at 35", muscleTension().course(ACUTE).age(35)),
            rule("NS-11", "new sciatica at 62 with muscle tension", muscleTension().course(ACUTE).age(62),
                    r -> r.doesNotRecommendFirst(TRIGGER_POINT).warns(WarningCode.SEEK_MEDICAL_ASSESSMENT),
                    "new sciatica at 35", muscleTension().course(ACUTE).age(35)),
            rule("NS-09", "chronic piriformis syndrome with tingling", piriformisSyndrome().course(CHRONIC).symptoms(TINGLING),
                    r -> r.excludes(DEEP_TISSUE).hasPressureAtMost(MODERATE).doesNotRecommendFirst(TRIGGER_POINT)
                            .warns(WarningCode.NERVE_IRRITATION).proceeds(),
                    "chronic piriformis syndrome with stiffness", piriformisSyndrome().course(CHRONIC).symptoms(STIFFNESS)),
            // 70-questions.drl
            rule("QU-01", "no age reported", muscleTension().course(CHRONIC),
                    r -> r.proceeds(),
                    "age 40", muscleTension().course(CHRONIC).age(40)),
            rule("QU-02", "no course reported", muscleTension().age(40),
                    r -> r.proceeds(),
                    "a chronic course", muscleTension().course(CHRONIC).age(40)),
            // 50-focus-areas.drl
            rule("FA-01", "any client", herniatedDisc(),
                    r -> r.focusesOn(BodyArea.GLUTEUS_MAXIMUS, BodyArea.GLUTEUS_MEDIUS, GLUTEUS_MINIMUS, BodyArea.PIRIFORMIS), null, null),
            rule("FA-02", "gluteus minimus referral", gluteusMinimusReferral(),
                    r -> r.focusesOn(GLUTEUS_MINIMUS),
                    "piriformis syndrome", piriformisSyndrome()),
            rule("FA-03", "tense calves", muscleTension().tenseAreas(SOLEUS),
                    r -> r.focusesOn(SOLEUS),
                    "no tense areas reported", muscleTension()),
            // 60-session-plan.drl
            rule("SP-01", "a client with no area kept hands off", spinalStenosis(),
                    r -> r.hasPlanStepFrom("SP-01"),
                    "recent spinal surgery", spinalStenosis().conditions(RECENT_SPINAL_SURGERY)),
            rule("SP-07", "recent spinal surgery", spinalStenosis().conditions(RECENT_SPINAL_SURGERY),
                    r -> r.hasPlanStepFrom("SP-07"),
                    "no surgery", spinalStenosis()),
            rule("SP-02", "gluteus minimus referral", gluteusMinimusReferral(),
                    r -> r.hasPlanStepFrom("SP-02"),
                    "piriformis syndrome", piriformisSyndrome()),
            rule("SP-03", "a tense IT band, firm pressure allowed", muscleTension().tenseAreas(IT_BAND),
                    r -> r.hasPlanStepFrom("SP-03").focusesOn(IT_BAND),
                    "a tense IT band with tingling", muscleTension().tenseAreas(IT_BAND).symptoms(TINGLING)),
            rule("SP-04", "any client", piriformisSyndrome(),
                    r -> r.hasPlanStepFrom("SP-04"), null, null),
            rule("SP-05", "pain 6", muscleTension().painLevel(6),
                    r -> r.hasSessionsPerWeek(1, 2),
                    "pain 7", muscleTension().painLevel(7)),
            rule("SP-06", "pain 7", muscleTension().painLevel(7),
                    r -> r.hasNoSessionFrequency().hasPlanStepFrom("SP-06"),
                    "pain 6", muscleTension().painLevel(6)),
            rule("SP-08", "any client who is not referred", herniatedDisc(),
                    r -> r.hasPlanStepFrom("SP-08"), null, null),
            rule("SP-09", "gluteus minimus referral with osteoporosis (light pressure only)", gluteusMinimusReferral().conditions(OSTEOPOROSIS),
                    r -> r.hasPlanStepFrom("SP-09").hasNoPlanStepFrom("SP-02"),
                    "gluteus minimus referral, no limit", gluteusMinimusReferral()),
            rule("SP-10", "pregnancy", muscleTension().conditions(PREGNANCY),
                    r -> r.hasPlanStepFrom("SP-10"),
                    "no condition", muscleTension()),
            rule("SP-11", "new sciatica at 60", muscleTension().course(ACUTE).age(60),
                    r -> r.hasPlanStepFrom("SP-11").hasNoPlanStepFrom("SP-05").hasNoSessionFrequency(),
                    "chronic sciatica at 60", muscleTension().course(CHRONIC).age(60)),
            rule("SP-12", "any client who is not referred", piriformisSyndrome(),
                    r -> r.hasPlanStepFrom("SP-12"), null, null));

    @TestFactory
    Stream<DynamicTest> eachRuleFiresForItsCaseAndHasItsEffect() {
        return RULES.stream().map(c -> DynamicTest.dynamicTest(c.id + " fires for " + c.caseName, () -> {
            RecommendationAssert r = ClinicalAssertions.assertThat(Cases.advise(c.advisor, c.fires));
            r.firedRule(c.id);
            c.effect.accept(r);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRuleStaysQuietInItsNearMiss() {
        return RULES.stream().filter(c -> c.nearMiss != null).map(c -> DynamicTest.dynamicTest(
                c.id + " does not fire for " + c.nearMissName,
                () -> ClinicalAssertions.assertThat(Cases.advise(c.advisor, c.nearMiss)).didNotFire(c.id)));
    }

    @Test
    void everyBundledRuleHasARowInThisTable() {
        Set<String> tested = RULES.stream().map(c -> c.id).collect(Collectors.toSet());
        Set<String> catalog = Cases.bundledAdvisor().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        assertThat(tested).as("rule ids tested here versus rule ids in rules/").isEqualTo(catalog);
    }

    @Test
    void rulesThatHoldForEveryClientFireForEveryCauseThatIsNotReferred() {
        for (Cause cause : Cause.values()) {
            ClinicalAssertions.assertThat(advise(Cases.client(cause)))
                    .firedRule("TQ-06", "NS-01", "FA-01", "SP-01", "SP-04", "SP-08");
        }
    }

    private record RuleCase(String id, String caseName, SciaticaAdvisor advisor, Assessment fires,
                            Consumer<RecommendationAssert> effect, String nearMissName, Assessment nearMiss) {
    }

    private static RuleCase rule(String id, String caseName, Assessment.Builder fires, Consumer<RecommendationAssert> effect,
                                 String nearMissName, Assessment.Builder nearMiss) {
        return rule(id, caseName, Cases.bundledAdvisor(), fires, effect, nearMissName, nearMiss);
    }

    private static RuleCase rule(String id, String caseName, SciaticaAdvisor advisor, Assessment.Builder fires,
                                 Consumer<RecommendationAssert> effect, String nearMissName, Assessment.Builder nearMiss) {
        return new RuleCase(id, caseName, advisor, fires.build(), effect, nearMissName, nearMiss == null ? null : nearMiss.build());
    }
}
