package org.sciatica.advisor.internal;

import org.sciatica.advisor.Urgency;

/** The client must be referred on, not massaged. The most urgent referral wins. */
public record Refer(Urgency urgency, String reason) {
    public Refer {
        Checks.notNull("urgency", urgency);
        Checks.text("reason", reason);
    }
}
