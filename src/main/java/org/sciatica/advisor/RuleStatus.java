package org.sciatica.advisor;

import java.util.Locale;

/**
 * Where a rule is in its life, from its {@code @status} metadata ({@code @status("active")}).
 * A rule without {@code @status} is {@link #ACTIVE}.
 */
public enum RuleStatus {
    /** Written but not yet approved: runs only when drafts are asked for (to trial it). */
    DRAFT,
    /** In use: runs on every date between its effective and expiry dates. */
    ACTIVE,
    /** No longer in use: never runs, and stays in the catalog as a record. */
    RETIRED;

    /**
     * The value as written in {@code @status}: {@code draft}, {@code active} or {@code retired}.
     *
     * @return the lower-case label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
