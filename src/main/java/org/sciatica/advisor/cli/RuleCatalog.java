package org.sciatica.advisor.cli;

import java.util.List;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.Source;

/** The rule catalog as Markdown: {@code docs/RULES.md} is this, for the bundled rules. */
public final class RuleCatalog {
    /** The command that regenerates docs/RULES.md. */
    public static final String COMMAND = "java -jar target/sciatica-advisor-cli.jar --list-rules --format markdown > docs/RULES.md";

    private RuleCatalog() {
    }

    /**
     * Markdown.
     *
     * @param rules the rules
     * @return the Markdown document
     */
    public static String markdown(List<RuleInfo> rules) {
        StringBuilder md = new StringBuilder();
        md.append("# Rule catalog\n\n")
                .append("Every rule of the rule base, layer by layer, read from the rules' own metadata (`@id`, `@source`)\n")
                .append("and actions. Generated, do not edit: after changing a rule, run\n\n")
                .append("```sh\n").append("./mvnw -q -DskipTests package && ").append(COMMAND).append("\n```\n\n")
                .append("A test fails while this file is stale. ").append(rules.size()).append(" rules.\n");
        String file = null;
        for (RuleInfo rule : rules) {
            if (!rule.file().equals(file)) {
                file = rule.file();
                md.append("\n## ").append(capitalise(rule.layer())).append(" (`").append(file).append("`)\n\n")
                        .append("| Id | Rule | What it does | Source |\n")
                        .append("|---|---|---|---|\n");
            }
            md.append("| ").append(rule.id())
                    .append(" | ").append(cell(rule.name()))
                    .append(" | ").append(cell(String.join("; ", rule.effects())))
                    .append(" | ").append(cell(citation(rule.source())))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A source as the catalog shows it: its title linked to its URL, or a policy with its id. */
    static String citation(Source source) {
        String title = source.title() + " (" + source.publisher() + (source.year() == null ? "" : ", " + source.year()) + ")";
        return (source.url() == null ? "Policy: " + title : "[" + title + "](" + source.url() + ")")
                + " `" + source.id() + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
