package org.sciatica.advisor;

/** Health conditions that rule out massage or some techniques. */
public enum Condition {
    /** Deep vein thrombosis. */
    DEEP_VEIN_THROMBOSIS,
    /** Anticoagulant therapy. */
    ANTICOAGULANT_THERAPY,
    /** Bleeding disorder. */
    BLEEDING_DISORDER,
    /** Peripheral neuropathy. */
    PERIPHERAL_NEUROPATHY,
    /** Diabetes. */
    DIABETES,
    /** Pregnancy. */
    PREGNANCY,
    /** Osteoporosis. */
    OSTEOPOROSIS,
    /** Recent surgery. */
    RECENT_SURGERY,
    /** Skin condition. */
    SKIN_CONDITION,
    /** Varicose veins. */
    VARICOSE_VEINS
}
