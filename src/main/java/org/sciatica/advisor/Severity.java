package org.sciatica.advisor;

/** How serious a warning is; maps to CDS Hooks indicators info / warning / warning / critical. */
public enum Severity {
    /** For information (CDS Hooks: info). */
    INFO,
    /** Take care (CDS Hooks: warning). */
    CAUTION,
    /** Something is ruled out (CDS Hooks: warning). */
    CONTRAINDICATION,
    /** Refer, no massage (CDS Hooks: critical). */
    REFERRAL
}
