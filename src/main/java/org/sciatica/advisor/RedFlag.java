package org.sciatica.advisor;

/** Findings that call for medical assessment instead of massage. */
public enum RedFlag {
    // Signs of cauda equina syndrome: emergency.
    /** Saddle anesthesia. */
    SADDLE_ANESTHESIA,
    /** Bladder dysfunction. */
    BLADDER_DYSFUNCTION,
    /** Bowel dysfunction. */
    BOWEL_DYSFUNCTION,
    /** Sexual dysfunction. */
    SEXUAL_DYSFUNCTION,
    /** Bilateral sciatica. */
    BILATERAL_SCIATICA,
    // Other red flags: urgent.
    /** Progressive weakness. */
    PROGRESSIVE_WEAKNESS,
    /** Foot drop. */
    FOOT_DROP,
    /** Fever. */
    FEVER,
    /** History of cancer. */
    HISTORY_OF_CANCER,
    /** Unexplained weight loss. */
    UNEXPLAINED_WEIGHT_LOSS,
    /** Immunosuppression. */
    IMMUNOSUPPRESSION,
    /** Recent major trauma. */
    RECENT_MAJOR_TRAUMA,
    /** Night pain. */
    NIGHT_PAIN;

    /**
     * True for the signs of cauda equina syndrome, which need emergency referral.
     *
     * @return true for the five cauda equina signs
     */
    public boolean isCaudaEquinaSign() {
        return ordinal() <= BILATERAL_SCIATICA.ordinal();
    }
}
