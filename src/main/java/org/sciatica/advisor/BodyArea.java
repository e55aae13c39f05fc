package org.sciatica.advisor;

/** Muscle regions: where the client feels tension, and where a session should focus. */
public enum BodyArea {
    LOWER_BACK,
    GLUTEUS_MAXIMUS,
    GLUTEUS_MEDIUS,
    GLUTEUS_MINIMUS,
    PIRIFORMIS,
    HAMSTRINGS,
    IT_BAND,
    HIP_ROTATORS,
    SOLEUS,
    GASTROCNEMIUS
}
