package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;

/**
 * The whole input space, as far as it matters to the safety table: every cause x sensitivity x
 * inflammation x course (absent included) x pain level (0, 3, 6, 7, 10), each with no finding,
 * with every single red flag, condition and symptom, and with a fixed sample of combinations; each
 * of those with no age and at ages 0, 15, 19, 50, 70, 75 and 120, with no tense area or with the calves, the lower back,
 * the IT band and the piriformis tense, and with each combination of the clinic findings a rule
 * set declares (each on or off; with more than {@value #ALL_COMBINATIONS_UP_TO} findings, none,
 * each alone and all together).
 *
 * <p>Every assessment has a place (0 to {@link #size()} - 1), so a seeded sample is the same
 * assessments on every run. Immutable.
 */
public final class InputSpace {
    /** Pain levels: the edges of mild, moderate and severe. */
    public static final List<Integer> PAIN = List.of(0, 3, 6, 7, 10);
    /** No tense area, or every area a safety line names. */
    public static final List<Set<BodyArea>> TENSE = List.of(Set.of(),
            Set.of(BodyArea.IT_BAND, BodyArea.LOWER_BACK, BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS, BodyArea.PIRIFORMIS));
    /** No age, and each age at which a line of the safety table changes: 0, 15 (a child), 19, 50, 70, 75, 120. */
    public static final List<@Nullable Integer> AGES = Arrays.asList(null, 0, 15, 19, 50, 70, 75, 120);
    /** Up to this many declared clinic findings, every combination is tried. */
    static final int ALL_COMBINATIONS_UP_TO = 4;

    /** One variant of findings: red flags, conditions and symptoms together. */
    public record Findings(Set<RedFlag> flags, Set<Condition> conditions, Set<Symptom> symptoms) {
        /** @return how many findings in all */
        public int size() {
            return flags.size() + conditions.size() + symptoms.size();
        }

        /**
         * @param other another variant
         * @return true when every finding of this variant is in {@code other}
         */
        public boolean within(Findings other) {
            return other.flags.containsAll(flags) && other.conditions.containsAll(conditions)
                    && other.symptoms.containsAll(symptoms);
        }
    }

    /** None, each single finding, then combinations that meet on a technique, an area or an urgency. */
    public static final List<Findings> FINDINGS = findings();

    private final List<Assessment> bases;
    private final List<Set<String>> clinic;

    private InputSpace(Set<String> clinicFindings) {
        this.bases = bases();
        this.clinic = clinicVariants(List.copyOf(new java.util.TreeSet<>(clinicFindings)));
    }

    /**
     * The space for a rule set that declares these clinic findings.
     *
     * @param clinicFindings the declared findings (empty for the bundled rules)
     * @return the space
     */
    public static InputSpace of(Set<String> clinicFindings) {
        return new InputSpace(java.util.Objects.requireNonNull(clinicFindings, "clinicFindings"));
    }

    /** @return how many assessments the space holds */
    public long size() {
        return (long) bases.size() * FINDINGS.size() * TENSE.size() * AGES.size() * clinic.size();
    }

    /**
     * The assessment at a place in the space.
     *
     * @param index from 0 to {@link #size()} - 1
     * @return the assessment
     */
    public Assessment get(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index must be from 0 to " + (size() - 1) + ", was " + index);
        }
        long i = index;
        Set<String> clinicFindings = clinic.get((int) (i % clinic.size()));
        i /= clinic.size();
        Integer age = AGES.get((int) (i % AGES.size()));
        i /= AGES.size();
        Set<BodyArea> tense = TENSE.get((int) (i % TENSE.size()));
        i /= TENSE.size();
        Findings f = FINDINGS.get((int) (i % FINDINGS.size()));
        i /= FINDINGS.size();
        return bases.get((int) i).toBuilder().redFlags(f.flags()).conditions(f.conditions()).symptoms(f.symptoms())
                .tenseAreas(tense).age(age).clinicFindings(clinicFindings).build();
    }

    /**
     * Every cause x sensitivity x inflammation x course (absent included) x pain level, without findings.
     *
     * @return the assessments, in that order
     */
    public static List<Assessment> bases() {
        List<Assessment> base = new ArrayList<>();
        List<Course> courses = new ArrayList<>(List.of(Course.values()));
        courses.add(null);
        for (Cause cause : Cause.values()) {
            for (Sensitivity sensitivity : Sensitivity.values()) {
                for (Inflammation inflammation : Inflammation.values()) {
                    for (Course course : courses) {
                        for (int pain : PAIN) {
                            base.add(Assessment.builder().cause(cause).sensitivity(sensitivity).inflammation(inflammation)
                                    .course(course).painLevel(pain).build());
                        }
                    }
                }
            }
        }
        return base;
    }

    private static List<Set<String>> clinicVariants(List<String> declared) {
        Set<Set<String>> variants = new LinkedHashSet<>();
        if (declared.size() <= ALL_COMBINATIONS_UP_TO) {
            for (int mask = 0; mask < 1 << declared.size(); mask++) {
                Set<String> on = new LinkedHashSet<>();
                for (int b = 0; b < declared.size(); b++) {
                    if ((mask & 1 << b) != 0) {
                        on.add(declared.get(b));
                    }
                }
                variants.add(on);
            }
        } else {
            variants.add(Set.of());
            declared.forEach(f -> variants.add(Set.of(f)));
            variants.add(new LinkedHashSet<>(declared));
        }
        return List.copyOf(variants);
    }

    private static List<Findings> findings() {
        List<Findings> all = new ArrayList<>();
        all.add(new Findings(Set.of(), Set.of(), Set.of()));
        for (RedFlag flag : RedFlag.values()) {
            all.add(new Findings(Set.of(flag), Set.of(), Set.of()));
        }
        for (Condition condition : Condition.values()) {
            all.add(new Findings(Set.of(), Set.of(condition), Set.of()));
        }
        for (Symptom symptom : Symptom.values()) {
            all.add(new Findings(Set.of(), Set.of(), Set.of(symptom)));
        }
        // A sample of combinations: findings that together exclude most techniques, that meet on
        // one body area, or that raise the urgency of a red flag.
        all.addAll(List.of(
                new Findings(Set.of(), Set.of(Condition.ANTICOAGULANT_THERAPY, Condition.DIABETES), Set.of()),
                new Findings(Set.of(), Set.of(Condition.OSTEOPOROSIS, Condition.PREGNANCY), Set.of(Symptom.STIFFNESS)),
                new Findings(Set.of(), Set.of(Condition.BLEEDING_DISORDER, Condition.SKIN_CONDITION, Condition.RECENT_SURGERY), Set.of()),
                new Findings(Set.of(), Set.of(Condition.PERIPHERAL_NEUROPATHY, Condition.VARICOSE_VEINS), Set.of(Symptom.STIFFNESS)),
                new Findings(Set.of(), Set.of(Condition.RECENT_SPINAL_SURGERY, Condition.OPEN_WOUND), Set.of(Symptom.WEAKNESS)),
                new Findings(Set.of(), Set.of(Condition.LONG_TERM_CORTICOSTEROIDS, Condition.ANTICOAGULANT_THERAPY), Set.of(Symptom.NUMBNESS)),
                new Findings(Set.of(), Set.of(Condition.ANTICOAGULANT_THERAPY, Condition.DIABETES, Condition.OSTEOPOROSIS,
                        Condition.PREGNANCY, Condition.RECENT_SURGERY, Condition.SKIN_CONDITION), Set.of()),
                new Findings(Set.of(), Set.of(Condition.DEEP_VEIN_THROMBOSIS, Condition.ANTICOAGULANT_THERAPY), Set.of()),
                new Findings(Set.of(), EnumSet.complementOf(EnumSet.of(Condition.DEEP_VEIN_THROMBOSIS)), EnumSet.allOf(Symptom.class)),
                new Findings(Set.of(), EnumSet.allOf(Condition.class), Set.of()),
                new Findings(Set.of(), Set.of(), Set.of(Symptom.NUMBNESS, Symptom.WEAKNESS, Symptom.SHOOTING_PAIN)),
                new Findings(Set.of(), Set.of(), Set.of(Symptom.NUMBNESS, Symptom.STIFFNESS)),
                new Findings(Set.of(RedFlag.NIGHT_PAIN, RedFlag.FEVER), Set.of(Condition.PREGNANCY), Set.of()),
                new Findings(Set.of(RedFlag.FOOT_DROP, RedFlag.BOWEL_DYSFUNCTION), Set.of(), Set.of()),
                new Findings(Set.of(RedFlag.HISTORY_OF_CANCER), Set.of(Condition.DEEP_VEIN_THROMBOSIS), Set.of()),
                new Findings(Set.of(RedFlag.HISTORY_OF_CANCER), Set.of(), Set.of(Symptom.WEAKNESS)),
                new Findings(Set.of(RedFlag.HISTORY_OF_CANCER), Set.of(), Set.of(Symptom.NUMBNESS)),
                new Findings(Set.of(RedFlag.HISTORY_OF_CANCER, RedFlag.FOOT_DROP), Set.of(), Set.of()),
                // Version 3: infection or trauma with a deficit, cancer with any nerve symptom, steroids,
                // minor trauma with fragile bone or a bleeding risk, surgery with the legs.
                new Findings(Set.of(RedFlag.FEVER, RedFlag.IV_DRUG_USE), Set.of(), Set.of(Symptom.WEAKNESS, Symptom.NUMBNESS)),
                new Findings(Set.of(RedFlag.RECENT_MAJOR_TRAUMA), Set.of(), Set.of(Symptom.NUMBNESS)),
                new Findings(Set.of(RedFlag.IMMUNOSUPPRESSION, RedFlag.FEVER, RedFlag.FOOT_DROP), Set.of(), Set.of()),
                new Findings(Set.of(RedFlag.HISTORY_OF_CANCER), Set.of(), Set.of(Symptom.TINGLING)),
                new Findings(Set.of(RedFlag.HISTORY_OF_CANCER), Set.of(), Set.of(Symptom.STIFFNESS)),
                new Findings(Set.of(), Set.of(Condition.LONG_TERM_CORTICOSTEROIDS, Condition.RECENT_MINOR_TRAUMA), Set.of()),
                new Findings(Set.of(), Set.of(Condition.OSTEOPOROSIS, Condition.RECENT_MINOR_TRAUMA), Set.of(Symptom.STIFFNESS)),
                new Findings(Set.of(), Set.of(Condition.RECENT_MINOR_TRAUMA), Set.of(Symptom.WEAKNESS)),
                new Findings(Set.of(), Set.of(Condition.RECENT_MINOR_TRAUMA, Condition.ANTICOAGULANT_THERAPY), Set.of(Symptom.NUMBNESS)),
                new Findings(Set.of(), Set.of(Condition.RECENT_SPINAL_SURGERY), Set.of(Symptom.NUMBNESS)),
                new Findings(Set.of(), Set.of(Condition.RECENT_SURGERY, Condition.ANTICOAGULANT_THERAPY), Set.of()),
                new Findings(Set.of(), Set.of(Condition.LONG_TERM_CORTICOSTEROIDS), Set.of(Symptom.STIFFNESS)),
                new Findings(EnumSet.allOf(RedFlag.class), EnumSet.allOf(Condition.class), EnumSet.allOf(Symptom.class))));
        return List.copyOf(all);
    }
}
