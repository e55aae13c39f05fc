package org.sciatica.advisor.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.RuleStatus;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Source;

/**
 * The rule catalog ({@code --list-rules}) as text, JSON or Markdown: {@code docs/RULES.md} is the
 * Markdown, for the bundled rules. Each rule with its lifecycle (status, review date, effective
 * and expiry dates), flagged when its review is overdue or when it is not in force on the
 * advisor's date.
 */
public final class RuleCatalog {
    /** The command that regenerates docs/RULES.md. */
    public static final String COMMAND = "java -jar target/sciatica-advisor-cli.jar rules --format markdown > docs/RULES.md";

    private static final ObjectWriter PRETTY = JsonMapper.builder().build().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private RuleCatalog() {
    }

    /**
     * Markdown: docs/RULES.md for the bundled rules.
     *
     * @param advisor the advisor whose rules to list, with its date and review age
     * @return the Markdown document
     */
    public static String markdown(SciaticaAdvisor advisor) {
        List<RuleInfo> rules = advisor.rules();
        StringBuilder md = new StringBuilder();
        md.append("# Rule catalog\n\n")
                .append("Every rule of the rule base, layer by layer, read from the rules' own metadata (`@id`, `@source`,\n")
                .append("`@status`, `@reviewed`, `@effective`, `@expiry`) and actions. Generated, do not edit: after\n")
                .append("changing a rule, run\n\n")
                .append("```sh\n").append("./mvnw -q -DskipTests package && ").append(COMMAND).append("\n```\n\n")
                .append("A test fails while this file is stale. ").append(summary(advisor)).append("\n\n")
                .append("A rule is flagged **review overdue** when it has no review date or its last review is more than\n")
                .append(advisor.reviewAgeDays()).append(" days before the day the catalog is written (`--review-age DAYS`), and **not in force**\n")
                .append("when it does not apply on that day (`--as-of YYYY-MM-DD`): retired, a draft, or outside its dates.\n");
        String file = null;
        for (RuleInfo rule : rules) {
            if (!rule.file().equals(file)) {
                file = rule.file();
                md.append("\n## ").append(capitalise(rule.layer())).append(" (`").append(file).append("`)\n\n")
                        .append("| Id | Rule | What it does | Source | Lifecycle | Hazards |\n")
                        .append("|---|---|---|---|---|---|\n");
            }
            md.append("| ").append(rule.id())
                    .append(" | ").append(cell(rule.name()))
                    .append(" | ").append(cell(String.join("; ", rule.effects())))
                    .append(" | ").append(cell(citation(rule.source())))
                    .append(" | ").append(cell(lifecycle(rule, advisor, true)))
                    .append(" | ").append(cell(String.join(", ", rule.hazards())))
                    .append(" |\n");
        }
        return md.toString();
    }

    /**
     * The catalog for people: by file, each rule with what it does, its source and its lifecycle.
     *
     * @param advisor the advisor whose rules to list
     * @param out     where to write
     */
    static void text(SciaticaAdvisor advisor, PrintWriter out) {
        List<RuleInfo> rules = advisor.rules();
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(5);
        String file = null;
        for (RuleInfo rule : rules) {
            if (!rule.file().equals(file)) {
                file = rule.file();
                out.println((rules.get(0) == rule ? "" : "\n") + file);
            }
            out.printf("  %-" + width + "s  %s%n", rule.id(), rule.name());
            out.printf("  %-" + width + "s  does: %s%n", "", String.join("; ", rule.effects()));
            out.printf("  %-" + width + "s  source: %s (%s)%s%n", "", rule.source().title(), rule.sourceId(),
                    rule.source().url() == null ? ", product policy" : ", " + rule.source().url() + ", at " + rule.source().locator());
            out.printf("  %-" + width + "s  lifecycle: %s%n", "", lifecycle(rule, advisor, false));
            if (!rule.hazards().isEmpty()) {
                out.printf("  %-" + width + "s  controls hazards: %s%n", "", String.join(", ", rule.hazards()));
            }
        }
        out.printf("%n%s%n", summary(advisor));
    }

    /**
     * The catalog for programs: an array of {id, name, file, layer, source, effects, hazards, texts, status,
     * reviewed, effective, expiry, reviewDue, reviewOverdue, inForce, rulesVersion}; dates are
     * YYYY-MM-DD or null, {@code reviewOverdue} and {@code inForce} are as of the advisor's date;
     * {@code texts} are the texts the rule's actions write, each with its effect (what the compact
     * batch form refers to; a text built from one value when the rule fires also has the value's
     * expression, {@code value}, and the text after it, {@code rest}); every entry names the rules
     * version it belongs to.
     *
     * @param advisor the advisor whose rules to list
     * @return indented JSON
     */
    static String json(SciaticaAdvisor advisor) {
        LocalDate asOf = advisor.asOf();
        Set<String> inForce = advisor.rulesInForce().stream().map(RuleInfo::id).collect(Collectors.toSet());
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (RuleInfo rule : advisor.rules()) {
            ObjectNode node = array.addObject();
            node.put("id", rule.id());
            node.put("name", rule.name());
            node.put("file", rule.file());
            node.put("layer", rule.layer());
            ObjectNode source = node.putObject("source");
            Source s = rule.source();
            source.put("id", s.id());
            source.put("kind", s.kind().label());
            source.put("title", s.title());
            source.put("publisher", s.publisher());
            source.put("year", s.year());
            source.put("url", s.url());
            source.put("locator", s.locator());
            source.put("takes", s.takes());
            ArrayNode effects = node.putArray("effects");
            rule.effects().forEach(effects::add);
            ArrayNode hazards = node.putArray("hazards");
            rule.hazards().forEach(hazards::add);
            ArrayNode texts = node.putArray("texts");
            for (RuleInfo.Text t : rule.texts()) {
                ObjectNode text = texts.addObject().put("effect", t.effect()).put("text", t.text());
                if (t.isTemplate()) {
                    text.put("value", t.value()).put("rest", t.rest());
                }
            }
            node.put("status", rule.status().label());
            node.put("reviewed", date(rule.reviewed()));
            node.put("effective", date(rule.effective()));
            node.put("expiry", date(rule.expiry()));
            node.put("reviewDue", date(rule.reviewDue(advisor.reviewAgeDays())));
            node.put("reviewOverdue", rule.reviewOverdue(asOf, advisor.reviewAgeDays()));
            node.put("inForce", inForce.contains(rule.id()));
            node.put("rulesVersion", advisor.rulesVersion());
        }
        try {
            return PRETTY.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * A rule's lifecycle in words, with its flags: "active, reviewed 2026-11-28", "draft, effective
     * from 2027-01-01; not in force on 2026-11-28", "active, never reviewed; review overdue".
     *
     * @param rule     the rule
     * @param advisor  the advisor it was loaded into (its date and review age)
     * @param markdown true to set the flags in bold
     * @return the lifecycle text
     */
    static String lifecycle(RuleInfo rule, SciaticaAdvisor advisor, boolean markdown) {
        LocalDate asOf = advisor.asOf();
        StringBuilder s = new StringBuilder(rule.status().label());
        s.append(rule.reviewed() == null ? ", never reviewed" : ", reviewed " + rule.reviewed());
        if (rule.effective() != null) {
            s.append(", effective from ").append(rule.effective());
        }
        if (rule.expiry() != null) {
            s.append(", expires ").append(rule.expiry());
        }
        List<String> flags = new ArrayList<>();
        if (rule.reviewOverdue(asOf, advisor.reviewAgeDays())) {
            flags.add(bold("review overdue", markdown) + (rule.reviewed() == null ? ""
                    : " (due " + rule.reviewDue(advisor.reviewAgeDays()) + ")"));
        }
        if (advisor.rulesInForce().stream().noneMatch(r -> r.id().equals(rule.id()))) {
            flags.add(bold("not in force", markdown) + " on " + asOf + " (" + whyNot(rule, asOf) + ")");
        }
        if (!flags.isEmpty()) {
            s.append("; ").append(String.join("; ", flags));
        }
        return s.toString();
    }

    private static String whyNot(RuleInfo rule, LocalDate asOf) {
        if (rule.status() == RuleStatus.RETIRED) {
            return "retired";
        }
        if (rule.effective() != null && asOf.isBefore(rule.effective())) {
            return "not yet effective";
        }
        if (rule.expiry() != null && !asOf.isBefore(rule.expiry())) {
            return "expired";
        }
        if (rule.status() == RuleStatus.DRAFT) {
            return "a draft; drafts run with --with-drafts";
        }
        return "replaced on this date";
    }

    /** "52 rules (52 active)", with how many are overdue for review or not in force, if any. */
    static String summary(SciaticaAdvisor advisor) {
        List<RuleInfo> rules = advisor.rules();
        StringBuilder s = new StringBuilder().append(rules.size()).append(rules.size() == 1 ? " rule (" : " rules (");
        List<String> counts = new ArrayList<>();
        for (RuleStatus status : RuleStatus.values()) {
            long n = rules.stream().filter(r -> r.status() == status).count();
            if (n > 0) {
                counts.add(n + " " + status.label());
            }
        }
        s.append(String.join(", ", counts)).append(").");
        int overdue = advisor.rulesOverdueForReview().size();
        if (overdue > 0) {
            s.append(' ').append(overdue).append(overdue == 1 ? " rule is" : " rules are").append(" overdue for review.");
        }
        int notInForce = rules.size() - advisor.rulesInForce().size();
        if (notInForce > 0) {
            s.append(' ').append(notInForce).append(notInForce == 1 ? " rule is" : " rules are").append(" not in force on ")
                    .append(advisor.asOf()).append('.');
        }
        return s.toString();
    }

    /**
     * A source as the catalog shows it: its title linked to its URL and where in it the claim
     * stands, or a policy with its id.
     */
    static String citation(Source source) {
        String title = source.title() + " (" + source.publisher() + (source.year() == null ? "" : ", " + source.year()) + ")";
        return (source.url() == null ? "Policy: " + title : "[" + title + "](" + source.url() + "), at " + source.locator())
                + " `" + source.id() + "`";
    }

    private static String bold(String text, boolean markdown) {
        return markdown ? "**" + text + "**" : text.toUpperCase(java.util.Locale.ROOT);
    }

    private static @org.jspecify.annotations.Nullable String date(@org.jspecify.annotations.Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
