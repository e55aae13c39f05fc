package org.sciatica.advisor;

/** Muscle regions: where the client feels tension, and where a session should focus. */
public enum BodyArea {
    /** Lower back. */
    LOWER_BACK,
    /** Gluteus maximus. */
    GLUTEUS_MAXIMUS,
    /** Gluteus medius. */
    GLUTEUS_MEDIUS,
    /** Gluteus minimus. */
    GLUTEUS_MINIMUS,
    /** Piriformis. */
    PIRIFORMIS,
    /** Hamstrings. */
    HAMSTRINGS,
    /** It band. */
    IT_BAND,
    /** Hip rotators. */
    HIP_ROTATORS,
    /** Soleus. */
    SOLEUS,
    /** Gastrocnemius. */
    GASTROCNEMIUS
}
