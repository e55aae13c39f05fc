package org.sciatica.advisor.facts;

import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Pressure;

/**
 * The most pressure any technique may use on one body area, and why: a {@link PressureLimit} for
 * one area only. The lowest limit on an area wins; the answer lists it, the area's focus entry
 * carries it, and no plan step asks for more on that area.
 *
 * <pre>{@code
 * insert( new AreaPressureLimit(BodyArea.HAMSTRINGS, Pressure.LIGHT, "healing wound at the back of the thigh") );
 * }</pre>
 *
 * @param area   the area
 * @param max    the most pressure on it
 * @param reason why, in words a therapist reads
 */
public record AreaPressureLimit(BodyArea area, Pressure max, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param area the area
     * @param max the most pressure on the area
     * @param reason the reason
     */
    public AreaPressureLimit {
        Checks.notNull("area", area);
        Checks.notNull("max", max);
        Checks.text("reason", reason);
    }
}
