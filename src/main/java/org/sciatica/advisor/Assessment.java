package org.sciatica.advisor;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a therapist knows about a client's sciatica: the facts the rules reason over.
 *
 * <p>Validated at construction: a missing required field or an out-of-range value raises an
 * {@link InvalidAssessmentException} that names the field, the value and the allowed values.
 * The sets are unmodifiable and iterate in the enum's declaration order; a repeated entry counts once.
 *
 * @param id           the caller's reference, echoed in the recommendation; may be null
 * @param cause        what drives the sciatica; required
 * @param sensitivity  pressure sensitivity; required
 * @param inflammation inflammation of the painful region; required
 * @param painLevel    0 to 10 (0-3 mild, 4-6 moderate, 7-10 severe)
 * @param age          age in years, 0 to 120; null when not reported
 * @param course       how the sciatica has behaved over time; null when not reported
 * @param symptoms     reported symptoms
 * @param tenseAreas   where the client is tense
 * @param redFlags     findings that call for referral
 * @param conditions   health conditions
 * @param clinicFindings findings a clinic declared with its own rules (for example LYMPHEDEMA);
 *                     the advisor rejects one the loaded rules do not declare
 */
public record Assessment(
        @Nullable String id,
        Cause cause,
        Sensitivity sensitivity,
        Inflammation inflammation,
        int painLevel,
        @Nullable Integer age,
        @Nullable Course course,
        Set<Symptom> symptoms,
        Set<BodyArea> tenseAreas,
        Set<RedFlag> redFlags,
        Set<Condition> conditions,
        Set<String> clinicFindings) {

    /** Lowest pain level. */
    public static final int MIN_PAIN = 0;
    /** Highest pain level. */
    public static final int MAX_PAIN = 10;
    /** Lowest pain level counted as severe. */
    public static final int SEVERE_PAIN = 7;
    /** Youngest age accepted. */
    public static final int MIN_AGE = 0;
    /** Oldest age accepted. */
    public static final int MAX_AGE = 120;
    /** The age from which the guidance the rules rest on applies (NICE NG59: over 16s). */
    public static final int ADULT_AGE = 16;
    /** New sciatica below this age calls for a medical assessment. */
    public static final int YOUNG_ONSET_AGE = 20;
    /** New sciatica at this age or over calls for a medical assessment. */
    public static final int LATE_ONSET_AGE = 50;
    /** From this age a minor fall, lift or knock may have broken a fragile bone. */
    public static final int FRAGILITY_FRACTURE_AGE = 70;
    /** From this age skin and bone are taken to be fragile. */
    public static final int OLDER_ADULT_AGE = 75;

    /**
     * Checks and copies the values.
     *
     * @param id the id
     * @param cause the cause
     * @param sensitivity the sensitivity
     * @param inflammation the inflammation
     * @param painLevel the pain level
     * @param age the age or null
     * @param course the course
     * @param symptoms the symptoms
     * @param tenseAreas the tense areas
     * @param redFlags the red flags
     * @param conditions the conditions
     * @param clinicFindings the clinic findings
     */
    public Assessment {
        requirePresent("cause", cause, Cause.class);
        requirePresent("sensitivity", sensitivity, Sensitivity.class);
        requirePresent("inflammation", inflammation, Inflammation.class);
        if (painLevel < MIN_PAIN || painLevel > MAX_PAIN) {
            throw new InvalidAssessmentException("painLevel",
                    "painLevel must be a whole number from 0 to 10, was " + painLevel);
        }
        if (age != null && (age < MIN_AGE || age > MAX_AGE)) {
            throw new InvalidAssessmentException("age",
                    "age must be a whole number of years from 0 to 120, was " + age);
        }
        symptoms = copyOf("symptoms", symptoms, Symptom.class);
        tenseAreas = copyOf("tenseAreas", tenseAreas, BodyArea.class);
        redFlags = copyOf("redFlags", redFlags, RedFlag.class);
        conditions = copyOf("conditions", conditions, Condition.class);
        clinicFindings = clinicFindings(clinicFindings);
    }

    /**
     * A builder with nothing set; {@code cause}, {@code sensitivity}, {@code inflammation} and {@code painLevel} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this assessment's values, to derive a variant.
     *
     * @return a new builder with this assessment's values
     */
    public Builder toBuilder() {
        return new Builder().id(id).cause(cause).sensitivity(sensitivity).inflammation(inflammation)
                .painLevel(painLevel).age(age).course(course).symptoms(symptoms).tenseAreas(tenseAreas)
                .redFlags(redFlags).conditions(conditions).clinicFindings(clinicFindings);
    }

    /**
     * True when the pain level is severe (7 to 10).
     *
     * @return true when severe pain
     */
    public boolean severePain() {
        return painLevel >= SEVERE_PAIN;
    }

    /**
     * True when the client may not feel pressure or heat: numbness, peripheral neuropathy or diabetes.
     *
     * @return whether sensation is reduced
     */
    public boolean hasReducedSensation() {
        return symptoms.stream().anyMatch(Symptom::reducesSensation)
                || conditions.stream().anyMatch(Condition::reducesSensation);
    }

    /**
     * True when a symptom says the nerve root may be involved: numbness or weakness.
     *
     * @return whether there are neurological signs
     */
    public boolean hasNeurologicalSigns() {
        return symptoms.stream().anyMatch(Symptom::isNeurologicalSign);
    }

    /**
     * True when the bones may be fragile: osteoporosis or long-term corticosteroids.
     *
     * @return whether bones may be fragile
     */
    public boolean hasFragileBones() {
        return conditions.stream().anyMatch(Condition::weakensBones);
    }

    /**
     * True for a history of cancer together with pain that may come from a nerve root or the cord:
     * a nerve-root or unknown cause (herniated disc, spinal stenosis, other spinal, unknown), a
     * nerve root symptom (shooting or burning pain, tingling, pins and needles, numbness,
     * weakness), progressive weakness or foot drop. A possible spinal metastasis pressing on the
     * cord or nerve roots.
     *
     * @return whether cancer history meets nerve root or cord signs
     */
    public boolean hasCancerWithNerveSigns() {
        return redFlags.contains(RedFlag.HISTORY_OF_CANCER)
                && (cause.isNerveCompression() || cause == Cause.UNKNOWN
                        || symptoms.stream().anyMatch(Symptom::isNerveRootSymptom)
                        || redFlags.stream().anyMatch(RedFlag::isNeurologicalDeficit));
    }

    /**
     * True for a neurological deficit: numbness or weakness reported as symptoms, or the red flags
     * progressive weakness or foot drop.
     *
     * @return whether a neurological deficit is reported
     */
    public boolean hasNeurologicalDeficit() {
        return hasNeurologicalSigns() || redFlags.stream().anyMatch(RedFlag::isNeurologicalDeficit);
    }

    /**
     * True for an infection or trauma red flag (fever, IV drug use, recent bacterial infection,
     * immunosuppression, recent major trauma) together with a neurological deficit: a possible
     * spinal infection such as an epidural abscess, or an unstable fracture, pressing on nerves.
     *
     * @return whether an infection or trauma red flag meets a neurological deficit
     */
    public boolean hasInfectionOrTraumaWithDeficit() {
        return hasNeurologicalDeficit() && redFlags.stream().anyMatch(
                f -> f.concern() == RedFlag.Concern.INFECTION || f.concern() == RedFlag.Concern.FRACTURE);
    }

    /**
     * True for a client aged {@value #OLDER_ADULT_AGE} or over. False when the age is not reported.
     *
     * @return whether the client is an older adult
     */
    public boolean isOlderAdult() {
        return age != null && age >= OLDER_ADULT_AGE;
    }

    /**
     * True for long-term corticosteroids, which suppress immunity, together with new sciatica, an
     * age of {@value #LATE_ONSET_AGE} or over, or severe pain: an infection or a fracture must be
     * ruled out first.
     *
     * @return whether corticosteroids meet a finding that calls for referral
     */
    public boolean hasCorticosteroidsToRefer() {
        return conditions.contains(Condition.LONG_TERM_CORTICOSTEROIDS)
                && (course == Course.ACUTE || (age != null && age >= LATE_ONSET_AGE) || severePain());
    }

    /**
     * True for a recent minor fall, lift or knock together with fragile bone (osteoporosis,
     * long-term corticosteroids) or an age of {@value #FRAGILITY_FRACTURE_AGE} or over: a possible
     * fragility fracture.
     *
     * @return whether minor trauma may have broken a fragile bone
     */
    public boolean hasPossibleFragilityFracture() {
        return conditions.contains(Condition.RECENT_MINOR_TRAUMA) && mayHaveFragileBone();
    }

    /**
     * True when a minor fall, lift or knock may break a bone: osteoporosis, long-term
     * corticosteroids, or an age of {@value #FRAGILITY_FRACTURE_AGE} or over.
     *
     * @return whether bone may be fragile enough to break in minor trauma
     */
    public boolean mayHaveFragileBone() {
        return hasFragileBones() || (age != null && age >= FRAGILITY_FRACTURE_AGE);
    }

    /**
     * True for tingling or pins and needles: an irritated nerve, though sensation is kept.
     *
     * @return whether the client reports tingling or pins and needles
     */
    public boolean hasNerveIrritation() {
        return symptoms.contains(Symptom.TINGLING) || symptoms.contains(Symptom.PINS_AND_NEEDLES);
    }

    /**
     * True for a client under {@value #ADULT_AGE}: the guidance the rules rest on covers adults.
     * False when the age is not reported.
     *
     * @return whether the client is a child or adolescent
     */
    public boolean isUnderAdultAge() {
        return age != null && age < ADULT_AGE;
    }

    /**
     * True for new sciatica (course {@code ACUTE}) at an age where guidelines ask for a medical
     * assessment: under {@value #YOUNG_ONSET_AGE} or {@value #LATE_ONSET_AGE} and over. False when
     * the age or the course is not reported.
     *
     * @return whether the onset age calls for a medical assessment
     */
    public boolean isNewOnsetAtAgeToAssess() {
        return course == Course.ACUTE && age != null && (age < YOUNG_ONSET_AGE || age >= LATE_ONSET_AGE);
    }

    /**
     * One line for people: cause, sensitivity, inflammation, pain and whatever else is present.
     *
     * @return the summary text
     */
    public String summary() {
        StringBuilder s = new StringBuilder()
                .append(cause).append(", sensitivity ").append(sensitivity)
                .append(", inflammation ").append(inflammation).append(", pain ").append(painLevel);
        if (age != null) {
            s.append(", age ").append(age);
        }
        if (course != null) {
            s.append(", course ").append(course);
        }
        appendSet(s, "symptoms", symptoms);
        appendSet(s, "tense", tenseAreas);
        appendSet(s, "red flags", redFlags);
        appendSet(s, "conditions", conditions);
        appendSet(s, "clinic findings", clinicFindings);
        return s.toString();
    }

    private static void appendSet(StringBuilder s, String label, Set<?> values) {
        if (!values.isEmpty()) {
            s.append(", ").append(label).append(' ')
                    .append(values.stream().map(String::valueOf).collect(Collectors.joining("+")));
        }
    }

    /** The allowed values of an enum, comma separated, for error messages. */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static <T> T requirePresent(String field, @Nullable T value, Class<? extends Enum<?>> type) {
        if (value == null) {
            throw new InvalidAssessmentException(field,
                    field + " is required: one of " + allowed(type));
        }
        return value;
    }

    private static Set<String> clinicFindings(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        java.util.TreeSet<String> copy = new java.util.TreeSet<>();
        for (String value : values) {
            if (value == null || !value.matches("[A-Z][A-Z0-9_]*")) {
                throw new InvalidAssessmentException("clinicFindings", "clinicFindings entries must be names in upper case"
                        + " letters, digits and underscores (as the clinic declared them), was "
                        + (value == null ? "null" : "\"" + value + "\""));
            }
            copy.add(value);
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * True when the assessment carries this clinic finding.
     *
     * @param finding the finding's declared name
     * @return whether it is among the clinic findings
     */
    public boolean hasClinicFinding(String finding) {
        return clinicFindings.contains(finding);
    }

    private static <E extends Enum<E>> Set<E> copyOf(String field, Collection<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(type));
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        for (E value : values) {
            if (value == null) {
                throw new InvalidAssessmentException(field,
                        field + " must not contain null; allowed values: " + allowed(type));
            }
            copy.add(value);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Builds an {@link Assessment}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String id;
        private @Nullable Cause cause;
        private @Nullable Sensitivity sensitivity;
        private @Nullable Inflammation inflammation;
        private @Nullable Integer painLevel;
        private @Nullable Integer age;
        private @Nullable Course course;
        private Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        private Set<BodyArea> tenseAreas = EnumSet.noneOf(BodyArea.class);
        private Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);
        private Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        private Set<String> clinicFindings = new java.util.LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets id.
         *
         * @param id the caller's reference, or null
         * @return this builder
         */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets cause.
         *
         * @param cause the cause
         * @return this builder
         */
        public Builder cause(@Nullable Cause cause) {
            this.cause = cause;
            return this;
        }

        /**
         * Sets sensitivity.
         *
         * @param sensitivity the sensitivity
         * @return this builder
         */
        public Builder sensitivity(@Nullable Sensitivity sensitivity) {
            this.sensitivity = sensitivity;
            return this;
        }

        /**
         * Sets inflammation.
         *
         * @param inflammation the inflammation
         * @return this builder
         */
        public Builder inflammation(@Nullable Inflammation inflammation) {
            this.inflammation = inflammation;
            return this;
        }

        /**
         * Sets pain level.
         *
         * @param painLevel the pain level
         * @return this builder
         */
        public Builder painLevel(int painLevel) {
            this.painLevel = painLevel;
            return this;
        }

        /**
         * @param age the age in years (0 to 120), or null for not reported
         *
         * @return this builder
         */
        public Builder age(@Nullable Integer age) {
            this.age = age;
            return this;
        }

        /**
         * @param course the course, or null for not reported
         *
         * @return this builder
         */
        public Builder course(@Nullable Course course) {
            this.course = course;
            return this;
        }

        /**
         * Sets symptoms.
         *
         * @param symptoms the symptoms
         * @return this builder
         */
        public Builder symptoms(Symptom... symptoms) {
            return symptoms(Arrays.asList(symptoms));
        }

        /**
         * Sets symptoms.
         *
         * @param symptoms the symptoms
         * @return this builder
         */
        public Builder symptoms(Collection<Symptom> symptoms) {
            this.symptoms = collect(symptoms);
            return this;
        }

        /**
         * Sets tense areas.
         *
         * @param areas the body areas
         * @return this builder
         */
        public Builder tenseAreas(BodyArea... areas) {
            return tenseAreas(Arrays.asList(areas));
        }

        /**
         * Sets tense areas.
         *
         * @param areas the body areas
         * @return this builder
         */
        public Builder tenseAreas(Collection<BodyArea> areas) {
            this.tenseAreas = collect(areas);
            return this;
        }

        /**
         * Sets red flags.
         *
         * @param redFlags the red flags
         * @return this builder
         */
        public Builder redFlags(RedFlag... redFlags) {
            return redFlags(Arrays.asList(redFlags));
        }

        /**
         * Sets red flags.
         *
         * @param redFlags the red flags
         * @return this builder
         */
        public Builder redFlags(Collection<RedFlag> redFlags) {
            this.redFlags = collect(redFlags);
            return this;
        }

        /**
         * Sets conditions.
         *
         * @param conditions the conditions
         * @return this builder
         */
        public Builder conditions(Condition... conditions) {
            return conditions(Arrays.asList(conditions));
        }

        /**
         * Sets conditions.
         *
         * @param conditions the conditions
         * @return this builder
         */
        public Builder conditions(Collection<Condition> conditions) {
            this.conditions = collect(conditions);
            return this;
        }

        /**
         * @param findings findings the clinic declared with its rules (for example LYMPHEDEMA)
         *
         * @return this builder
         */
        public Builder clinicFindings(String... findings) {
            return clinicFindings(Arrays.asList(findings));
        }

        /**
         * @param findings findings the clinic declared with its rules
         *
         * @return this builder
         */
        public Builder clinicFindings(Collection<String> findings) {
            this.clinicFindings = collect(findings);
            return this;
        }

        // Kept as given (nulls included) so that build() reports a null entry with its field name;
        // a null collection (against the contract) counts as none reported, as it always has.
        private static <E> Set<E> collect(@Nullable Collection<E> values) {
            return values == null ? new java.util.LinkedHashSet<>() : new java.util.LinkedHashSet<>(values);
        }

        /**
         * @throws InvalidAssessmentException naming the field when a required field is missing or
         *                                    a value is out of range
         * @return the validated assessment
         */
        public Assessment build() {
            if (painLevel == null) {
                throw new InvalidAssessmentException("painLevel",
                        "painLevel is required: a whole number from 0 to 10");
            }
            return new Assessment(id, requirePresent("cause", cause, Cause.class),
                    requirePresent("sensitivity", sensitivity, Sensitivity.class),
                    requirePresent("inflammation", inflammation, Inflammation.class), painLevel, age, course,
                    symptoms, tenseAreas, redFlags, conditions, clinicFindings);
        }
    }
}
