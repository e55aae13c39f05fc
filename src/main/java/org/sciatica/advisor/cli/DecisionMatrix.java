package org.sciatica.advisor.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.Technique;
import java.util.Objects;

/**
 * The decision matrix as a self-contained SVG, drawn from the rules themselves: the engine runs
 * over a grid of assessments (one finding changed at a time from a baseline client) and each cell
 * shows what it decided for a technique, with the deciding rule ids on hover.
 */
public final class DecisionMatrix {
    /** The command that regenerates docs/decision-matrix.svg. */
    public static final String COMMAND = "java -jar target/sciatica-advisor-cli.jar matrix > docs/decision-matrix.svg";

    private static final int LABEL = 300;
    private static final int CELL = 112;
    private static final int DISPOSITION = 170;
    private static final int ROW = 26;
    private static final int TOP = 92;

    private record Row(String group, String label, Assessment assessment) {
    }

    private DecisionMatrix() {
    }

    /** The baseline client every row starts from: chronic muscle tension with stiff muscles, mild pain. */
    static Assessment.Builder baseline() {
        return Assessment.builder().cause(Cause.MUSCLE_TENSION).sensitivity(Sensitivity.LOW)
                .inflammation(Inflammation.NONE).painLevel(4).course(Course.CHRONIC).symptoms(Symptom.STIFFNESS);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Baseline", "chronic muscle tension, stiff, pain 4", b -> b));
        for (Sensitivity s : Sensitivity.values()) {
            rows.add(row("Pressure sensitivity", s.name(), b -> b.sensitivity(s)));
        }
        for (Inflammation i : Inflammation.values()) {
            rows.add(row("Inflammation", i.name(), b -> b.inflammation(i)));
        }
        for (Condition c : Condition.values()) {
            rows.add(row("Condition", c.name(), b -> b.conditions(c)));
        }
        for (RedFlag f : RedFlag.values()) {
            rows.add(row("Red flag", f.name(), b -> b.redFlags(f)));
        }
        return rows;
    }

    private static Row row(String group, String label, UnaryOperator<Assessment.Builder> change) {
        return new Row(group, label, change.apply(baseline()).build());
    }

    /**
     * Renders the matrix for these rules.
     *
     * @param advisor the rules to run
     * @return a self-contained SVG document
     */
    public static String svg(SciaticaAdvisor advisor) {
        List<Row> rows = rows();
        int width = LABEL + CELL * Technique.values().length + DISPOSITION + 20;
        int height = TOP + ROW * rows.size() + 70;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("<title>Sciatica Advisor decision matrix (").append(escape(advisor.rulesVersion())).append(")</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Sciatica Advisor: what the rules decide</text>\n");
        svg.append("<text x=\"10\" y=\"44\" fill=\"#444\">Each row changes one finding from the baseline client; "
                + "hover a cell for the rules behind it. Rules ").append(escape(advisor.rulesVersion())).append(".</text>\n");
        int x = LABEL;
        for (Technique t : Technique.values()) {
            svg.append("<text x=\"").append(x + CELL / 2).append("\" y=\"").append(TOP - 10)
                    .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(t.name()).append("</text>\n");
            x += CELL;
        }
        svg.append("<text x=\"").append(x + DISPOSITION / 2).append("\" y=\"").append(TOP - 10)
                .append("\" text-anchor=\"middle\" font-weight=\"bold\">disposition</text>\n");

        int y = TOP;
        String group = null;
        for (Row row : rows) {
            Recommendation r = advisor.advise(row.assessment());
            if (!row.group().equals(group)) {
                group = row.group();
                svg.append("<line x1=\"10\" x2=\"").append(width - 10).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
                        .append("\" stroke=\"#999\"/>\n");
            }
            svg.append("<text x=\"10\" y=\"").append(y + 17).append("\"><tspan fill=\"#666\">").append(escape(row.group()))
                    .append(":</tspan><tspan dx=\"4\">").append(escape(row.label())).append("</tspan></text>\n");
            x = LABEL;
            for (Technique t : Technique.values()) {
                cell(svg, x, y, t, r);
                x += CELL;
            }
            String disposition = r.disposition() == Disposition.REFER
                    ? "REFER (" + Objects.requireNonNull(r.referral(), "a referred answer has a referral").urgency() + ")"
                    : r.disposition().name().replace('_', ' ');
            String colour = switch (r.disposition()) {
                case PROCEED -> "#1b5e20";
                case PROCEED_WITH_CAUTION -> "#e65100";
                case REFER -> "#b71c1c";
            };
            svg.append("<text x=\"").append(x + DISPOSITION / 2).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"middle\" fill=\"").append(colour).append("\">")
                    .append(escape(disposition.toLowerCase(Locale.ROOT))).append("</text>\n");
            y += ROW;
        }
        y += 24;
        legend(svg, 10, y, "#2e7d32", "#ffffff", "1st", "ranked first");
        legend(svg, 170, y, "#c8e6c9", "#1b5e20", "2", "recommended, with its rank");
        legend(svg, 460, y, "#ffcdd2", "#b71c1c", "excluded", "excluded (hover for why)");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void cell(StringBuilder svg, int x, int y, Technique t, Recommendation r) {
        String fill;
        String ink;
        String text;
        List<Reason> reasons;
        int rank = -1;
        for (int i = 0; i < r.techniques().size(); i++) {
            if (r.techniques().get(i).technique() == t) {
                rank = i;
            }
        }
        if (rank == 0) {
            fill = "#2e7d32";
            ink = "#ffffff";
            text = "1st";
            reasons = r.techniques().get(0).reasons();
        } else if (rank > 0) {
            fill = "#c8e6c9";
            ink = "#1b5e20";
            text = String.valueOf(rank + 1);
            reasons = r.techniques().get(rank).reasons();
        } else {
            fill = "#ffcdd2";
            ink = "#b71c1c";
            text = "excluded";
            reasons = r.excluded().stream().filter(e -> e.technique() == t).findFirst().orElseThrow().reasons();
        }
        Set<String> rules = new LinkedHashSet<>();
        reasons.forEach(reason -> rules.add(reason.ruleId()));
        String pressure = rank >= 0 ? ", " + r.techniques().get(rank).pressure().name().toLowerCase(Locale.ROOT) + " pressure" : "";
        svg.append("<g><title>").append(t.name()).append(": ").append(escape(text)).append(escape(pressure)).append(" (")
                .append(String.join(", ", rules)).append(")</title>")
                .append("<rect x=\"").append(x + 3).append("\" y=\"").append(y + 3).append("\" width=\"").append(CELL - 6)
                .append("\" height=\"").append(ROW - 6).append("\" rx=\"4\" fill=\"").append(fill).append("\"/>")
                .append("<text x=\"").append(x + CELL / 2).append("\" y=\"").append(y + 17)
                .append("\" text-anchor=\"middle\" fill=\"").append(ink).append("\">").append(escape(text)).append("</text></g>\n");
    }

    private static void legend(StringBuilder svg, int x, int y, String fill, String ink, String sample, String meaning) {
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"60\" height=\"20\" rx=\"4\" fill=\"")
                .append(fill).append("\"/><text x=\"").append(x + 30).append("\" y=\"").append(y + 14)
                .append("\" text-anchor=\"middle\" fill=\"").append(ink).append("\">").append(sample).append("</text>")
                .append("<text x=\"").append(x + 68).append("\" y=\"").append(y + 14).append("\">").append(escape(meaning))
                .append("</text>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
