package org.sciatica.advisor;

/** Muscle regions: where the client feels tension, and where a session should focus. */
public enum BodyArea {
    /** The lower back. */
    LOWER_BACK,
    /** Gluteus maximus, the large buttock muscle. */
    GLUTEUS_MAXIMUS,
    /** Gluteus medius, at the upper outer buttock. */
    GLUTEUS_MEDIUS,
    /** Gluteus minimus, at the side of the hip; its trigger points mimic sciatica. */
    GLUTEUS_MINIMUS,
    /** Piriformis, the deep hip muscle the sciatic nerve runs beneath. */
    PIRIFORMIS,
    /** The hamstrings, at the back of the thigh. */
    HAMSTRINGS,
    /** The IT band, along the outer thigh. */
    IT_BAND,
    /** The deep hip rotators. */
    HIP_ROTATORS,
    /** Soleus, the deep calf muscle. */
    SOLEUS,
    /** Gastrocnemius, the outer calf muscle. */
    GASTROCNEMIUS
}
