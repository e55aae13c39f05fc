package org.sciatica.advisor.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sciatica.advisor.Impact;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.json.CompactAnswers;

/**
 * One {@link SciaticaAdvisor} per rule set and per JVM (the driver, each executor), built the first
 * time a task needs it and shared by every task after: an advisor is thread-safe, and loading rules
 * takes a second or more. Likewise one {@link Impact} per pair of rule sets, and one compact form
 * ({@link CompactAnswers}, the rules' text references) per rule set.
 */
final class Advisors {
    private static final Map<RuleSet, SciaticaAdvisor> ADVISORS = new ConcurrentHashMap<>();
    private static final Map<List<RuleSet>, Impact> IMPACTS = new ConcurrentHashMap<>();
    private static final Map<RuleSet, CompactAnswers> COMPACT = new ConcurrentHashMap<>();

    private Advisors() {
    }

    /** The advisor of these rules in this JVM, loaded on first use (concurrent first users wait for it). */
    static SciaticaAdvisor advisor(RuleSet rules) {
        return ADVISORS.computeIfAbsent(rules, RuleSet::load);
    }

    /**
     * The advisor of these rules, checked to be the driver's: same rules version (a digest of the rule
     * files' names and texts).
     *
     * @throws IllegalStateException when this JVM reads other rule files than the driver did
     */
    static SciaticaAdvisor advisor(RuleSet rules, String driversVersion) {
        SciaticaAdvisor advisor = advisor(rules);
        if (!advisor.rulesVersion().equals(driversVersion)) {
            throw new IllegalStateException("this executor loaded rules " + advisor.rulesVersion() + " from " + rules
                    + ", the driver loaded " + driversVersion + ": every node must read the same rule directories at the same paths");
        }
        return advisor;
    }

    /** The compact form of these rules' answers in this JVM; the advisor checked against the driver's version. */
    static CompactAnswers compact(RuleSet rules, String driversVersion) {
        SciaticaAdvisor advisor = advisor(rules, driversVersion);
        return COMPACT.computeIfAbsent(rules, r -> CompactAnswers.of(advisor));
    }

    /** The comparison of two rule sets in this JVM; both advisors checked against the driver's versions. */
    static Impact impact(RuleSet baseline, RuleSet candidate, String baselineVersion, String candidateVersion) {
        SciaticaAdvisor before = advisor(baseline, baselineVersion);
        SciaticaAdvisor after = advisor(candidate, candidateVersion);
        return IMPACTS.computeIfAbsent(List.of(baseline, candidate), k -> Impact.of(before, after));
    }
}
