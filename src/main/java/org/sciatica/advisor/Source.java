package org.sciatica.advisor;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Objects;

/**
 * An entry of the sources registry ({@code rules/sources.csv}): what a rule's {@code @source}
 * names. Published guidance or literature a clinician can open and check, or a {@link Kind#POLICY}
 * entry: a decision of the product (a weight, a tie-break) with its rationale, which never poses
 * as a citation.
 *
 * @param id        the id rules cite, for example {@code nice-ng59}
 * @param kind      what sort of source it is
 * @param title     the title as published
 * @param publisher the publisher or authors
 * @param year      the year of publication, or null where the page gives none
 * @param url       an https address or DOI link to open it; null only for a policy
 * @param locator   where in the source the claim stands ("recommendation 1.2.7", "section 'Red
 *                  flags'", "Table 1"); null only for a policy
 * @param takes     one line on what the rules take from it (for a policy, its rationale)
 */
public record Source(String id, Kind kind, String title, String publisher, @Nullable Integer year,
                     @Nullable String url, @Nullable String locator, String takes) {

    /** What sort of source an entry is. */
    public enum Kind {
        /** A clinical guideline or pathway. */
        GUIDELINE,
        /** A systematic review or review article. */
        REVIEW,
        /** An article, case report or practice text. */
        ARTICLE,
        /** Information for patients from a health service. */
        PATIENT_INFORMATION,
        /** A decision of the product, with its rationale; not a citation. */
        POLICY;

        /**
         * The kind as written in the registry: lower case, words joined by a hyphen.
         *
         * @return for example {@code patient-information}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Checks the values: every text present, a URL and a locator for every kind but a policy.
     *
     * @param id the id
     * @param kind the kind
     * @param title the title
     * @param publisher the publisher
     * @param year the year or null
     * @param url the URL or null
     * @param locator where in the source the claim stands, or null
     * @param takes what the rules take from it
     */
    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(takes, "takes");
        if (kind != Kind.POLICY && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("url is required for a " + kind.label() + " source (" + id + ")");
        }
        if (kind != Kind.POLICY && (locator == null || locator.isBlank())) {
            throw new IllegalArgumentException("locator is required for a " + kind.label() + " source (" + id + ")");
        }
    }

    /**
     * True for a product decision rather than a publication.
     *
     * @return whether this is a policy entry
     */
    public boolean isPolicy() {
        return kind == Kind.POLICY;
    }
}
