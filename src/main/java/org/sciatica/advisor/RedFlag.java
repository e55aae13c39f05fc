package org.sciatica.advisor;

/** Findings that call for medical assessment instead of massage. */
public enum RedFlag {
    // Signs of cauda equina syndrome: emergency.
    SADDLE_ANESTHESIA,
    BLADDER_DYSFUNCTION,
    BOWEL_DYSFUNCTION,
    SEXUAL_DYSFUNCTION,
    BILATERAL_SCIATICA,
    // Other red flags: urgent.
    PROGRESSIVE_WEAKNESS,
    FOOT_DROP,
    FEVER,
    HISTORY_OF_CANCER,
    UNEXPLAINED_WEIGHT_LOSS,
    IMMUNOSUPPRESSION,
    RECENT_MAJOR_TRAUMA,
    NIGHT_PAIN;

    /** True for the signs of cauda equina syndrome, which need emergency referral. */
    public boolean isCaudaEquinaSign() {
        return ordinal() <= BILATERAL_SCIATICA.ordinal();
    }
}
