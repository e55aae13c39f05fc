package org.sciatica.advisor.testing;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.SciaticaAdvisor;

/**
 * Clinical cases to start a test from, and {@code advise} to run them through the bundled rules.
 *
 * <p>Every case starts as a client with low pressure sensitivity, no inflammation, pain 4 (moderate),
 * no course reported, and no symptoms, tense areas, red flags or conditions; change what the test is
 * about: {@code herniatedDisc().sensitivity(HIGH).painLevel(8)}.
 */
public final class Cases {
    private Cases() {
    }

    /**
     * A client whose sciatica has this cause, otherwise the baseline above.
     *
     * @param cause the cause
     * @return a builder for the case
     */
    public static Assessment.Builder client(Cause cause) {
        return Assessment.builder().cause(cause).sensitivity(Sensitivity.LOW).inflammation(Inflammation.NONE).painLevel(4);
    }

    /**
     * Muscle tension.
     *
     * @return a builder for a client with muscle tension, otherwise the baseline
     */
    public static Assessment.Builder muscleTension() {
        return client(Cause.MUSCLE_TENSION);
    }

    /**
     * Piriformis syndrome.
     *
     * @return a builder for a client with piriformis syndrome, otherwise the baseline
     */
    public static Assessment.Builder piriformisSyndrome() {
        return client(Cause.PIRIFORMIS_SYNDROME);
    }

    /**
     * Gluteus minimus referral.
     *
     * @return a builder for a client with gluteus minimus referral, otherwise the baseline
     */
    public static Assessment.Builder gluteusMinimusReferral() {
        return client(Cause.GLUTEUS_MINIMUS_REFERRAL);
    }

    /**
     * Herniated disc.
     *
     * @return a builder for a client with herniated disc, otherwise the baseline
     */
    public static Assessment.Builder herniatedDisc() {
        return client(Cause.HERNIATED_DISC);
    }

    /**
     * Spinal stenosis.
     *
     * @return a builder for a client with spinal stenosis, otherwise the baseline
     */
    public static Assessment.Builder spinalStenosis() {
        return client(Cause.SPINAL_STENOSIS);
    }

    /**
     * Other spinal.
     *
     * @return a builder for a client with other spinal, otherwise the baseline
     */
    public static Assessment.Builder otherSpinal() {
        return client(Cause.OTHER_SPINAL);
    }

    /**
     * Unknown cause.
     *
     * @return a builder for a client with unknown cause, otherwise the baseline
     */
    public static Assessment.Builder unknownCause() {
        return client(Cause.UNKNOWN);
    }

    /**
     * Runs the case through the bundled rules (compiled once per JVM).
     *
     * @param assessment the assessment
     * @return the case and what the rules advised
     */
    public static Advice advise(Assessment.Builder assessment) {
        return advise(assessment.build());
    }

    /**
     * Runs the assessment through the bundled rules (compiled once per JVM).
     *
     * @param assessment the assessment
     * @return the case and what the rules advised
     */
    public static Advice advise(Assessment assessment) {
        return advise(Bundled.ADVISOR, assessment);
    }

    /**
     * Runs the case through the given advisor, for example one with a rule directory of your own.
     *
     * @param advisor the advisor whose rules to run
     * @param assessment the assessment
     * @return the case and what the rules advised
     */
    public static Advice advise(SciaticaAdvisor advisor, Assessment.Builder assessment) {
        return advise(advisor, assessment.build());
    }

    /**
     * Runs the assessment through the given advisor.
     *
     * @param advisor the advisor whose rules to run
     * @param assessment the assessment
     * @return the case and what the rules advised
     */
    public static Advice advise(SciaticaAdvisor advisor, Assessment assessment) {
        return new Advice(assessment, advisor.advise(assessment));
    }

    /**
     * The advisor with the bundled rules, compiled once per JVM.
     *
     * @return the bundled advisor
     */
    public static SciaticaAdvisor bundledAdvisor() {
        return Bundled.ADVISOR;
    }

    private static final class Bundled {
        static final SciaticaAdvisor ADVISOR = SciaticaAdvisor.withBundledRules();
    }
}
