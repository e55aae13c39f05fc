package org.sciatica.advisor.facts;

import org.sciatica.advisor.Urgency;

/** The client must be referred on, not massaged. The most urgent referral wins. */
public record Refer(Urgency urgency, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param urgency the urgency
     * @param reason the reason
     */
    public Refer {
        Checks.notNull("urgency", urgency);
        Checks.text("reason", reason);
    }
}
