package org.sciatica.advisor.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Source;

/**
 * docs/CLINICAL-BASIS.md: the one page a reviewing clinician reads. For each rule, what it does,
 * the source it rests on (with its link) and what the rules take from that source; then the
 * product's policy decisions with their rationale; then every source. Generated from the rules'
 * metadata and the sources registry, so it cannot drift from them (a test checks it is current).
 */
final class ClinicalBasis {
    /** How to regenerate the page. */
    static final String COMMAND = "java -jar target/sciatica-advisor-cli.jar basis > docs/CLINICAL-BASIS.md";

    private ClinicalBasis() {
    }

    static String markdown(SciaticaAdvisor advisor) {
        List<RuleInfo> rules = advisor.rules();
        Collection<Source> registry = advisor.sources();
        StringBuilder md = new StringBuilder()
                .append("# Clinical basis of the rules\n\n")
                .append("Generated from the rules (`rules/*.drl`) and the sources registry (`rules/sources.csv`) by\n`")
                .append(COMMAND).append("`; a test fails when it is out of date.\n\n")
                .append("For every rule: what it decides, what it does, and the source it rests on with what the rules\n")
                .append("take from that source, no more. A **policy** is a decision of the product (a weight, a\n")
                .append("tie-break, a cautious default) that no publication makes; it says so and gives its rationale.\n")
                .append("Where a rule is more cautious than its source, a comment above it in the DRL says why\n")
                .append("(\"safety over ...\"). Contraindication lists for massage disagree and mostly cite no evidence\n")
                .append("(see `batavia-2004-contraindications`): the rules lean to caution where sources are thin.\n\n")
                .append("Each rule's lifecycle says whether it is active, a draft or retired, when a clinician last reviewed\n")
                .append("it and the dates it applies between; a rule is flagged **review overdue** when it has no review\n")
                .append("date or its review is more than ").append(advisor.reviewAgeDays())
                .append(" days old on the day this page is written. ").append(RuleCatalog.summary(advisor)).append("\n");
        Map<String, List<RuleInfo>> byLayer = new LinkedHashMap<>();
        for (RuleInfo rule : rules) {
            byLayer.computeIfAbsent(rule.file(), f -> new ArrayList<>()).add(rule);
        }
        for (Map.Entry<String, List<RuleInfo>> layer : byLayer.entrySet()) {
            md.append("\n## ").append(capitalise(layer.getValue().get(0).layer())).append(" (`").append(layer.getKey()).append("`)\n");
            for (RuleInfo rule : layer.getValue()) {
                Source s = rule.source();
                md.append("\n### ").append(rule.id()).append(": ").append(rule.name()).append("\n\n")
                        .append("- Does: ").append(String.join("; ", rule.effects())).append("\n")
                        .append("- Rests on: ").append(RuleCatalog.citation(s)).append("\n")
                        .append(s.isPolicy() ? "- Rationale: " : "- What the rule takes from it: ").append(s.takes()).append("\n")
                        .append("- Lifecycle: ").append(RuleCatalog.lifecycle(rule, advisor, true)).append("\n");
                if (!rule.hazards().isEmpty()) {
                    md.append("- Controls hazards ([hazard log](safety/HAZARD-LOG.md)): ").append(String.join(", ", rule.hazards()))
                            .append("\n");
                }
            }
        }
        md.append("\n## Policy decisions\n\n");
        for (Source s : registry) {
            if (s.isPolicy()) {
                md.append("- **").append(s.title()).append("** (`").append(s.id()).append("`): ").append(s.takes())
                        .append(" Rules: ").append(citedBy(rules, s)).append(".\n");
            }
        }
        md.append("\n## Sources\n\n| Id | Kind | Title | Publisher | Year | Where | Cited by |\n|---|---|---|---|---|---|---|\n");
        for (Source s : registry) {
            if (!s.isPolicy()) {
                md.append("| `").append(s.id()).append("` | ").append(s.kind().label()).append(" | [")
                        .append(cell(s.title())).append("](").append(s.url()).append(") | ").append(cell(s.publisher()))
                        .append(" | ").append(s.year() == null ? "n.d." : s.year().toString()).append(" | ")
                        .append(cell(String.valueOf(s.locator()))).append(" | ").append(citedBy(rules, s)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String citedBy(List<RuleInfo> rules, Source source) {
        List<String> ids = rules.stream().filter(r -> r.sourceId().equals(source.id())).map(RuleInfo::id).toList();
        return ids.isEmpty() ? "none (background)" : String.join(", ", ids);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
