package org.sciatica.advisor.facts;

import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Technique;

/**
 * A technique kept off one body area, and why: for a clinic's lymphedema rule, a wound or a
 * varicose calf, where the rest of the body may still have it. Unlike an {@link Exclusion}, the
 * technique stays in the session; the answer lists the restriction, the area's focus entry carries
 * it, and no plan step asks for the technique on that area.
 *
 * <pre>{@code
 * insert( new AreaRestriction(BodyArea.SOLEUS, Technique.DEEP_TISSUE, "lymphedema in the left leg") );
 * }</pre>
 *
 * @param area      the area the technique is kept off
 * @param technique the technique kept off it
 * @param reason    why, in words a therapist reads
 */
public record AreaRestriction(BodyArea area, Technique technique, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param area the area
     * @param technique the technique
     * @param reason the reason
     */
    public AreaRestriction {
        Checks.notNull("area", area);
        Checks.notNull("technique", technique);
        Checks.text("reason", reason);
    }
}
