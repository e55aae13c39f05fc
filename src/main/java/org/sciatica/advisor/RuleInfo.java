package org.sciatica.advisor;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One rule of the loaded rule base, from its metadata.
 *
 * @param id        the rule's {@code @id}, unique in the rule base (for example {@code CI-04})
 * @param name      the rule's name, a sentence saying what it decides
 * @param file      the file it was loaded from ({@code rules/20-contraindications.drl} for bundled rules)
 * @param source    the registry entry the rule's {@code @source} names: published guidance or
 *                  literature with its URL, or a product policy with its rationale
 * @param effects   what the rule does, read from its actions: "excludes DEEP_TISSUE", "warns
 *                  SEVERE_PAIN_CONSULT", "supports SWEDISH (weight 3)", ...
 * @param status    its {@code @status}: draft, active (also when not given) or retired
 * @param reviewed  its {@code @reviewed} date, when a clinician last reviewed it; null when not given
 * @param effective its {@code @effective} date, the first day it applies; null: no start
 * @param expiry    its {@code @expiry} date, the first day it no longer applies; null: no end
 * @param hazards   the ids of the clinical hazards the rule controls, from its {@code @hazards}
 *                  (the project's hazard log, docs/safety/HAZARD-LOG.md); empty when not given
 * @param texts     the texts its actions write, as written in the rule, each with its effect; a text
 *                  the rule builds from values when it fires is not listed. The compact batch form
 *                  refers to these texts by their place in this list.
 */
public record RuleInfo(String id, String name, String file, Source source, List<String> effects, RuleStatus status,
                       @Nullable LocalDate reviewed, @Nullable LocalDate effective, @Nullable LocalDate expiry,
                       List<String> hazards, List<Text> texts) {
    /** How many days after its review a rule is overdue for another, unless the caller says otherwise. */
    public static final int DEFAULT_REVIEW_AGE_DAYS = 365;

    /**
     * Checks and copies the values.
     *
     * @param id the id
     * @param name the name
     * @param file the file
     * @param source the source
     * @param effects the effects
     * @param status the status
     * @param reviewed the review date, or null
     * @param effective the first day the rule applies, or null
     * @param expiry the first day the rule no longer applies, or null
     * @param hazards the hazards the rule controls
     * @param texts the texts its actions write
     * @throws IllegalArgumentException when {@code expiry} is not after {@code effective}
     */
    public RuleInfo {
        hazards = List.copyOf(hazards);
        texts = List.copyOf(texts);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        effects = List.copyOf(effects);
        if (effective != null && expiry != null && !expiry.isAfter(effective)) {
            throw new IllegalArgumentException("rule " + id + " expires (" + expiry + ") on or before it takes effect ("
                    + effective + ")");
        }
    }

    /**
     * One text a rule's action writes, with the effect of that action. A text the rule builds from
     * one value when it fires ({@code $flag + " is a sign of ..."}) is a template: {@code text}
     * before the value, the value's expression, then {@code rest}.
     *
     * @param effect the effect, as in {@link RuleInfo#effects()}: "supports SWEDISH (weight 3)", "warns ..."
     * @param text   the text as the answer shows it; for a template, the part before the value
     * @param value  null for a fixed text; for a template, the expression of the value the rule
     *               fills in ({@code $flag})
     * @param rest   for a template, the part after the value; empty for a fixed text
     */
    public record Text(String effect, String text, @Nullable String value, String rest) {
        /**
         * Checks the values.
         *
         * @param effect the effect
         * @param text the text, or the part before the value
         * @param value the value's expression, or null
         * @param rest the part after the value
         */
        public Text {
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(rest, "rest");
            if (value == null && !rest.isEmpty()) {
                throw new IllegalArgumentException("a fixed text has no rest, was \"" + rest + "\"");
            }
        }

        /**
         * A fixed text.
         *
         * @param effect the effect
         * @param text the text
         */
        public Text(String effect, String text) {
            this(effect, text, null, "");
        }

        /**
         * True for a template: a text the rule builds from one value when it fires.
         *
         * @return whether a value goes between {@link #text()} and {@link #rest()}
         */
        public boolean isTemplate() {
            return value != null;
        }
    }

    /**
     * An active rule with no review, effective or expiry date: the rule as it was before rules had a
     * lifecycle.
     *
     * @param id the id
     * @param name the name
     * @param file the file
     * @param source the source
     * @param effects the effects
     */
    public RuleInfo(String id, String name, String file, Source source, List<String> effects) {
        this(id, name, file, source, effects, RuleStatus.ACTIVE, null, null, null, List.of(), List.of());
    }

    /**
     * A rule that names no hazards and whose texts are not known (the constructor of version 0.1).
     *
     * @param id the id
     * @param name the name
     * @param file the file
     * @param source the source
     * @param effects the effects
     * @param status the status
     * @param reviewed the review date, or null
     * @param effective the first day the rule applies, or null
     * @param expiry the first day the rule no longer applies, or null
     */
    public RuleInfo(String id, String name, String file, Source source, List<String> effects, RuleStatus status,
                    @Nullable LocalDate reviewed, @Nullable LocalDate effective, @Nullable LocalDate expiry) {
        this(id, name, file, source, effects, status, reviewed, effective, expiry, List.of(), List.of());
    }

    /**
     * The id of the source the rule rests on, as written in its {@code @source}.
     *
     * @return the source id
     */
    public String sourceId() {
        return source.id();
    }

    /**
     * The layer the rule belongs to, from its file name: {@code rules/20-contraindications.drl}
     * is layer "contraindications".
     * @return the layer text
     */
    public String layer() {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
                .replaceFirst("\\.drl$", "").replaceFirst("^\\d+-", "");
        return base.replace('-', ' ');
    }

    /**
     * True when the rule applies to answers given as of this date: it is active (or a draft, when
     * drafts are asked for), the date is on or after its effective date and before its expiry date.
     * A retired rule never applies.
     *
     * @param date       the date the answer is given as of
     * @param withDrafts true when draft rules run too (a trial)
     * @return whether the rule applies on that date
     */
    public boolean inForceOn(LocalDate date, boolean withDrafts) {
        Objects.requireNonNull(date, "date");
        boolean runs = status == RuleStatus.ACTIVE || status == RuleStatus.DRAFT && withDrafts;
        return runs && withinDates(date);
    }

    /**
     * True when the date is on or after the effective date and before the expiry date, whatever
     * the status.
     *
     * @param date the date
     * @return whether the date lies in the rule's dates
     */
    public boolean withinDates(LocalDate date) {
        return (effective == null || !date.isBefore(effective)) && (expiry == null || date.isBefore(expiry));
    }

    /**
     * The last day on which the rule's review is still current: its review date plus the review age.
     *
     * @param reviewAgeDays how many days a review stays current
     * @return the date, or null when the rule has no review date
     */
    public @Nullable LocalDate reviewDue(int reviewAgeDays) {
        return reviewed == null ? null : reviewed.plusDays(reviewAgeDays);
    }

    /**
     * True when the rule is overdue for review as of a date: it has no review date, or more than
     * {@code reviewAgeDays} days have passed since it. A retired rule is never overdue: it no
     * longer applies.
     *
     * @param asOf          the date to judge on
     * @param reviewAgeDays how many days a review stays current
     * @return whether a clinician should review the rule
     */
    public boolean reviewOverdue(LocalDate asOf, int reviewAgeDays) {
        Objects.requireNonNull(asOf, "asOf");
        if (status == RuleStatus.RETIRED) {
            return false;
        }
        LocalDate due = reviewDue(reviewAgeDays);
        return due == null || asOf.isAfter(due);
    }
}
