package org.sciatica.advisor;

/** Health conditions that rule out massage, rule out some techniques, or limit pressure. */
public enum Condition {
    /** A blood clot in a deep vein: no massage until a clinician clears it. */
    DEEP_VEIN_THROMBOSIS,
    /** Taking blood thinners: no deep or forceful pressure. */
    ANTICOAGULANT_THERAPY,
    /** A bleeding disorder or low platelets: no deep or forceful pressure. */
    BLEEDING_DISORDER,
    /** Nerve damage that reduces sensation of touch, pressure and heat. */
    PERIPHERAL_NEUROPATHY,
    /** Diabetes: reduced sensation (neuropathy) is common. */
    DIABETES,
    /** Pregnancy. */
    PREGNANCY,
    /** Weakened bones. */
    OSTEOPOROSIS,
    /** Surgery in recent weeks, anywhere in the body. */
    RECENT_SURGERY,
    /** A skin infection, rash or other skin condition in the area. */
    SKIN_CONDITION,
    /** Varicose veins, typically in the calves. */
    VARICOSE_VEINS,
    /** Corticosteroid tablets taken for months or years: thinner, more fragile bones. */
    LONG_TERM_CORTICOSTEROIDS,
    /** Surgery on the spine in recent weeks. */
    RECENT_SPINAL_SURGERY,
    /** An open or healing wound. */
    OPEN_WOUND,
    /** A fall, a lift or a minor knock shortly before the pain began. */
    RECENT_MINOR_TRAUMA;

    /**
     * True for the conditions that reduce what the client can feel (pressure, heat).
     *
     * @return true for peripheral neuropathy and diabetes
     */
    public boolean reducesSensation() {
        return this == PERIPHERAL_NEUROPATHY || this == DIABETES;
    }

    /**
     * True for the conditions that leave bones fragile.
     *
     * @return true for osteoporosis and long-term corticosteroids
     */
    public boolean weakensBones() {
        return this == OSTEOPOROSIS || this == LONG_TERM_CORTICOSTEROIDS;
    }
}
