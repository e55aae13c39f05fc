package org.sciatica.advisor;

/**
 * Massage techniques the rules choose from. What a technique is (its usual pressure, how gentle it
 * is) lives here and nowhere else: ranking, ties and the safety monitor read it from this enum.
 */
public enum Technique {
    /** Deep tissue massage: slow, firm strokes into deeper muscle layers. */
    DEEP_TISSUE(Pressure.FIRM, 5),
    /** Swedish massage: long, flowing, lighter strokes. */
    SWEDISH(Pressure.MODERATE, 1),
    /** Trigger point therapy: sustained pressure on tight knots. */
    TRIGGER_POINT(Pressure.MODERATE, 4),
    /** Hot stone massage: heated stones to warm and loosen muscles. */
    HOT_STONE(Pressure.MODERATE, 3),
    /** Vibration: rapid gentle shaking of the muscles, no deep pressure. */
    VIBRATION(Pressure.LIGHT, 2);

    private final Pressure usualPressure;
    private final int gentleness;

    Technique(Pressure usualPressure, int gentleness) {
        this.usualPressure = usualPressure;
        this.gentleness = gentleness;
    }

    /**
     * The pressure this technique is given when no rule limits it.
     *
     * @return the usual pressure
     */
    public Pressure usualPressure() {
        return usualPressure;
    }

    /**
     * How gentle the technique is, 1 the gentlest: ties in support are broken gentlest first
     * (Swedish, vibration, hot stone, trigger point, deep tissue).
     *
     * @return the rank in gentleness, from 1
     */
    public int gentlenessRank() {
        return gentleness;
    }
}
