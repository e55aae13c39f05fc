package org.sciatica.advisor;

/** Massage techniques the rules choose from. */
public enum Technique {
    /** Deep tissue massage: slow, firm strokes into deeper muscle layers. */
    DEEP_TISSUE,
    /** Swedish massage: long, flowing, lighter strokes. */
    SWEDISH,
    /** Trigger point therapy: sustained pressure on tight knots. */
    TRIGGER_POINT,
    /** Hot stone massage: heated stones to warm and loosen muscles. */
    HOT_STONE,
    /** Vibration: rapid gentle shaking of the muscles, no deep pressure. */
    VIBRATION
}
