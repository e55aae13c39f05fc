package org.sciatica.advisor;

/** What drives the client's sciatica, as far as it is known. */
public enum Cause {
    /** Tight muscles press on or irritate the nerve; no nerve root compression. */
    MUSCLE_TENSION,
    /** The piriformis muscle irritates the sciatic nerve where it passes beneath or through it. */
    PIRIFORMIS_SYNDROME,
    /** Trigger points in gluteus minimus refer pain down the leg in a sciatic pattern. */
    GLUTEUS_MINIMUS_REFERRAL,
    /** A lumbar disc herniation compresses a nerve root. */
    HERNIATED_DISC,
    /** Narrowing of the spinal canal or foramina compresses nerve roots. */
    SPINAL_STENOSIS,
    /** Another spinal cause of nerve compression (for example spondylolisthesis). */
    OTHER_SPINAL,
    /** Not yet identified. */
    UNKNOWN;

    /**
     * True for the causes in which a spinal structure compresses a nerve root.
     *
     * @return true for herniated disc, spinal stenosis and other spinal causes
     */
    public boolean isNerveCompression() {
        return this == HERNIATED_DISC || this == SPINAL_STENOSIS || this == OTHER_SPINAL;
    }

    /**
     * True for the causes in which muscles, not a spinal structure, drive the pain.
     *
     * @return true for muscle tension, piriformis syndrome and gluteus minimus referral
     */
    public boolean isMuscleDriven() {
        return this == MUSCLE_TENSION || this == PIRIFORMIS_SYNDROME || this == GLUTEUS_MINIMUS_REFERRAL;
    }
}
