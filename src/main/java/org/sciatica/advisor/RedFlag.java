package org.sciatica.advisor;

/** Findings that call for medical assessment instead of massage. */
public enum RedFlag {
    // Signs of cauda equina syndrome: emergency.
    /** Numbness in the saddle area (buttocks, perineum, inner thighs): cauda equina sign. */
    SADDLE_ANESTHESIA,
    /** New difficulty passing or holding urine: cauda equina sign. */
    BLADDER_DYSFUNCTION,
    /** New loss of bowel control: cauda equina sign. */
    BOWEL_DYSFUNCTION,
    /** New sexual dysfunction: cauda equina sign. */
    SEXUAL_DYSFUNCTION,
    /** Sciatica in both legs: cauda equina sign. */
    BILATERAL_SCIATICA,
    // Other red flags: urgent.
    /** Leg weakness that is getting worse: progressive neurological deficit. */
    PROGRESSIVE_WEAKNESS,
    /** Cannot lift the front of the foot: progressive neurological deficit. */
    FOOT_DROP,
    /** Fever with back or leg pain: possible spinal infection. */
    FEVER,
    /** A history of cancer: possible spinal malignancy. */
    HISTORY_OF_CANCER,
    /** Weight loss with no explanation: possible malignancy. */
    UNEXPLAINED_WEIGHT_LOSS,
    /** A weakened immune system (drugs or disease): possible spinal infection. */
    IMMUNOSUPPRESSION,
    /** A recent fall from height, road accident or similar: possible fracture. */
    RECENT_MAJOR_TRAUMA,
    /** Pain at night or at rest that does not ease: possible malignancy or infection. */
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
