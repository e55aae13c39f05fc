package org.sciatica.advisor;

/** Health conditions that rule out massage or some techniques. */
public enum Condition {
    DEEP_VEIN_THROMBOSIS,
    ANTICOAGULANT_THERAPY,
    BLEEDING_DISORDER,
    PERIPHERAL_NEUROPATHY,
    DIABETES,
    PREGNANCY,
    OSTEOPOROSIS,
    RECENT_SURGERY,
    SKIN_CONDITION,
    VARICOSE_VEINS
}
