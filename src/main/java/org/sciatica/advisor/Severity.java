package org.sciatica.advisor;

/** How serious a warning is; maps to CDS Hooks indicators info / warning / warning / critical. */
public enum Severity {
    INFO,
    CAUTION,
    CONTRAINDICATION,
    REFERRAL
}
