package org.sciatica.advisor;

/**
 * Warning codes a recommendation can carry. Each code has one fixed meaning, one severity and the
 * least cautious disposition it allows; programs may rely on all three. The first seven, with
 * {@link #NEUROLOGICAL_SIGNS} and {@link #SEEK_MEDICAL_ASSESSMENT}, are fixed by the product
 * specification ({@code docs/SPEC.md}).
 */
public enum WarningCode {
    /** In every answer that is not a referral: never press directly on the sciatic nerve. */
    NO_DIRECT_NERVE_PRESSURE(Severity.CAUTION, Disposition.PROCEED),
    /** A red flag is present: refer, no massage. */
    RED_FLAG_REFERRAL(Severity.REFERRAL, Disposition.REFER),
    /** A condition rules out massage until a clinician clears it (deep vein thrombosis). */
    CONDITION_REFERRAL(Severity.REFERRAL, Disposition.REFER),
    /** Every technique is excluded: refer instead of proceeding. */
    NO_SAFE_TECHNIQUE(Severity.REFERRAL, Disposition.REFER),
    /** The cause is a spinal nerve compression: massage eases the muscles around it, it does not treat it. */
    NERVE_COMPRESSION_CAUSE(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** The cause is unknown: identify it; conservative plan meanwhile. */
    CAUSE_UNKNOWN(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** Pain level 7 to 10: the client should consult a clinician; no firm pressure. */
    SEVERE_PAIN_CONSULT(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** Numbness or weakness: the nerve root may be involved; confirm a medical assessment, gentle work only. */
    NEUROLOGICAL_SIGNS(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** New sciatica at an age (under 20, 50 or over) where guidelines ask for a medical assessment. */
    SEEK_MEDICAL_ASSESSMENT(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** Tingling or pins and needles: an irritated nerve; no firm pressure, trigger point work not first. Informs; does not change the disposition. */
    NERVE_IRRITATION(Severity.INFO, Disposition.PROCEED),
    /** A client under 16: a child's sciatica needs a clinician's assessment first; refer, no massage. */
    YOUNG_CLIENT(Severity.REFERRAL, Disposition.REFER),
    /** A client aged 75 or over: skin and bone may be fragile; no deep tissue, firm pressure or heat. */
    OLDER_CLIENT(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** A minor fall, lift or knock before the pain began: no firm pressure; refer when bone may be fragile. */
    MINOR_TRAUMA(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** Anticoagulant therapy or a bleeding disorder: no deep or forceful pressure (bruising, bleeding). */
    BLEEDING_RISK(Severity.CONTRAINDICATION, Disposition.PROCEED_WITH_CAUTION),
    /** Reduced sensation (neuropathy, diabetes, numbness): no heat and no firm pressure; the client cannot report what they do not feel. */
    REDUCED_SENSATION(Severity.CONTRAINDICATION, Disposition.PROCEED_WITH_CAUTION),
    /** Pregnancy: the client's health care provider should agree to massage; no heat, careful positioning. */
    PREGNANCY_CLEARANCE(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** Osteoporosis or long-term corticosteroids: fragile bones, no deep or firm pressure. */
    WEAKENED_BONES(Severity.CONTRAINDICATION, Disposition.PROCEED_WITH_CAUTION),
    /** Recent surgery (spinal surgery included): no massage on or near the surgical area; no deep work, heat or firm pressure. */
    SURGICAL_SITE(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** Skin condition: avoid affected skin; no hot stones. */
    AFFECTED_SKIN(Severity.CONTRAINDICATION, Disposition.PROCEED_WITH_CAUTION),
    /** Varicose veins: no pressure over the affected veins; the calves are left alone. */
    VEIN_PRESSURE(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /** An open or healing wound: keep off the wound and its surroundings; no heat. */
    WOUND_SITE(Severity.CONTRAINDICATION, Disposition.PROCEED_WITH_CAUTION),
    /** Acute inflammation: gentle work only, no heat. */
    ACUTE_INFLAMMATION(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION),
    /**
     * The clinic running this advisor has deliberately departed from a line of the safety table,
     * with a written reason; the answer shows the departure wherever it applies.
     */
    SAFETY_DEPARTURE(Severity.CAUTION, Disposition.PROCEED_WITH_CAUTION);

    private final Severity severity;
    private final Disposition disposition;

    WarningCode(Severity severity, Disposition disposition) {
        this.severity = severity;
        this.disposition = disposition;
    }

    /**
     * The least cautious disposition an answer carrying this warning can have: {@code PROCEED} for
     * the standing nerve warning, {@code REFER} for the referral codes, {@code PROCEED_WITH_CAUTION}
     * for the rest.
     * @return the disposition
     */
    public Disposition disposition() {
        return disposition;
    }

    /**
     * The severity every warning with this code carries.
     *
     * @return the severity of this code
     */
    public Severity severity() {
        return severity;
    }
}
