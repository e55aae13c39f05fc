package org.sciatica.advisor;

/** What to do with the client, least cautious first. */
public enum Disposition {
    /** Massage as recommended. */
    PROCEED,
    /** Massage as recommended, with the warnings given; some findings call for care. */
    PROCEED_WITH_CAUTION,
    /** No massage: refer the client to a clinician. */
    REFER
}
