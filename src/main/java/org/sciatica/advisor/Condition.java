package org.sciatica.advisor;

/** Health conditions that rule out massage or some techniques. */
public enum Condition {
    /** A blood clot in a deep vein: no massage until a clinician clears it. */
    DEEP_VEIN_THROMBOSIS,
    /** Taking blood thinners: no deep or forceful pressure. */
    ANTICOAGULANT_THERAPY,
    /** A bleeding disorder or low platelets: no deep or forceful pressure. */
    BLEEDING_DISORDER,
    /** Nerve damage that reduces sensation, including heat. */
    PERIPHERAL_NEUROPATHY,
    /** Diabetes (reduced heat sensation is common). */
    DIABETES,
    /** Pregnancy. */
    PREGNANCY,
    /** Weakened bones. */
    OSTEOPOROSIS,
    /** Surgery in recent weeks. */
    RECENT_SURGERY,
    /** A skin infection, wound or other skin condition in the area. */
    SKIN_CONDITION,
    /** Varicose veins, typically in the calves. */
    VARICOSE_VEINS
}
