package org.sciatica.advisor;

/**
 * Findings that call for medical assessment instead of massage. Each red flag belongs to one
 * {@link Concern}: the serious condition it may point to.
 */
public enum RedFlag {
    /** Numbness in the saddle area (buttocks, perineum, inner thighs): cauda equina sign. */
    SADDLE_ANESTHESIA(Concern.CAUDA_EQUINA),
    /** New difficulty passing or holding urine: cauda equina sign. */
    BLADDER_DYSFUNCTION(Concern.CAUDA_EQUINA),
    /** New loss of bowel control: cauda equina sign. */
    BOWEL_DYSFUNCTION(Concern.CAUDA_EQUINA),
    /** New sexual dysfunction: cauda equina sign. */
    SEXUAL_DYSFUNCTION(Concern.CAUDA_EQUINA),
    /** Sciatica in both legs: cauda equina sign. */
    BILATERAL_SCIATICA(Concern.CAUDA_EQUINA),
    /** Leg weakness that is getting worse: progressive neurological deficit. */
    PROGRESSIVE_WEAKNESS(Concern.NEUROLOGICAL_DEFICIT),
    /** Cannot lift the front of the foot: progressive neurological deficit. */
    FOOT_DROP(Concern.NEUROLOGICAL_DEFICIT),
    /** Fever with back or leg pain: possible spinal infection. */
    FEVER(Concern.INFECTION),
    /** A history of cancer: possible spinal metastasis. */
    HISTORY_OF_CANCER(Concern.MALIGNANCY),
    /** Weight loss with no explanation: possible malignancy. */
    UNEXPLAINED_WEIGHT_LOSS(Concern.MALIGNANCY),
    /** A weakened immune system (drugs or disease): possible spinal infection. */
    IMMUNOSUPPRESSION(Concern.INFECTION),
    /** A recent fall from height, road accident or similar: possible fracture. */
    RECENT_MAJOR_TRAUMA(Concern.FRACTURE),
    /** Pain at night or at rest that does not ease: possible malignancy or infection. */
    NIGHT_PAIN(Concern.MALIGNANCY),
    /** Intravenous drug use: possible spinal infection. */
    IV_DRUG_USE(Concern.INFECTION),
    /** A recent bacterial infection (for example of the urinary tract): possible spinal infection. */
    RECENT_BACTERIAL_INFECTION(Concern.INFECTION);

    /** The serious condition a red flag may point to. */
    public enum Concern {
        /** Cauda equina syndrome: an emergency. */
        CAUDA_EQUINA,
        /** A progressive neurological deficit. */
        NEUROLOGICAL_DEFICIT,
        /** A spinal infection. */
        INFECTION,
        /** A spinal malignancy (primary or metastatic). */
        MALIGNANCY,
        /** A spinal fracture. */
        FRACTURE
    }

    private final Concern concern;

    RedFlag(Concern concern) {
        this.concern = concern;
    }

    /**
     * The serious condition this red flag may point to.
     *
     * @return the concern
     */
    public Concern concern() {
        return concern;
    }

    /**
     * True for the signs of cauda equina syndrome, which need emergency referral.
     *
     * @return true for the five cauda equina signs
     */
    public boolean isCaudaEquinaSign() {
        return concern == Concern.CAUDA_EQUINA;
    }

    /**
     * True for the red flags that show nerve damage is getting worse (progressive weakness, foot
     * drop). Together with a history of cancer they suggest spinal cord or root compression by a
     * metastasis.
     *
     * @return true for progressive weakness and foot drop
     */
    public boolean isNeurologicalDeficit() {
        return concern == Concern.NEUROLOGICAL_DEFICIT;
    }
}
