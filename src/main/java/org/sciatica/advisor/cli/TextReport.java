package org.sciatica.advisor.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.Recommendation.Reason;
import java.util.Objects;

/** A recommendation as plain text a therapist reads at a glance: what to do first, then why. */
public final class TextReport {
    private TextReport() {
    }

    /**
     * Render.
     *
     * @param assessment the assessment
     * @param r the recommendation
     * @return the report, several lines
     */
    public static String render(Assessment assessment, Recommendation r) {
        StringBuilder out = new StringBuilder();
        out.append(headline(r)).append('\n');
        if (r.id() != null) {
            out.append("Case: ").append(r.id()).append('\n');
        }
        out.append("Assessment: ").append(assessment.summary()).append("\n");

        if (r.disposition() == Disposition.REFER) {
            out.append("\nRefer (").append(referral(r).urgency()).append("): no massage.\n");
            reasons(out, referral(r).reasons(), "  - ");
        } else {
            out.append("\nTechniques, best first:\n");
            int n = 1;
            for (Recommendation.RankedTechnique t : r.techniques()) {
                out.append("  ").append(n++).append(". ").append(t.technique())
                        .append(", ")
                        .append(t.pressure().name().toLowerCase(Locale.ROOT)).append(" pressure\n");
                reasons(out, t.reasons(), "       - ");
            }
        }
        if (!r.excluded().isEmpty()) {
            out.append("\nDo not use:\n");
            for (Recommendation.ExcludedTechnique e : r.excluded()) {
                out.append("  ").append(e.technique()).append('\n');
                reasons(out, r.disposition() == Disposition.REFER ? ownReasons(e, r) : e.reasons(), "       - ");
            }
        }
        if (!r.warnings().isEmpty()) {
            out.append("\nWarnings:\n");
            for (Recommendation.Warning w : r.warnings()) {
                out.append("  ! ").append(w.severity()).append(' ').append(w.code()).append(": ")
                        .append(w.message()).append(" [").append(w.ruleId()).append("]\n");
            }
        }
        if (!r.questions().isEmpty()) {
            out.append("\nAsk the client:\n");
            for (Recommendation.Question q : r.questions()) {
                out.append("  ? ").append(q.field()).append(": ").append(q.text()).append(" [").append(q.ruleId()).append("]\n");
            }
        }
        if (!r.focusAreas().isEmpty()) {
            out.append("\nFocus areas:\n");
            for (Recommendation.FocusArea f : r.focusAreas()) {
                out.append("  - ").append(f.area()).append(": ")
                        .append(f.reasons().stream().map(x -> x.text() + " [" + x.ruleId() + "]")
                                .collect(Collectors.joining("; ")))
                        .append(f.limit() == null ? "" : " (" + limit(f.limit()) + ")")
                        .append('\n');
            }
        }
        if (!r.areaLimits().isEmpty()) {
            out.append("\nKeep off single areas:\n");
            for (Recommendation.AreaLimit l : r.areaLimits()) {
                out.append("  - ").append(l.area()).append(": ").append(limit(l)).append('\n');
                reasons(out, l.reasons(), "       - ");
            }
        }
        if (!r.sessionPlan().steps().isEmpty() || r.sessionPlan().sessionsPerWeek() != null) {
            out.append("\nSession plan:\n");
            int n = 1;
            for (Recommendation.PlanStep s : r.sessionPlan().steps()) {
                out.append("  ").append(n++).append(". ").append(s.text()).append(" [").append(s.ruleId()).append("]\n");
            }
            var perWeek = r.sessionPlan().sessionsPerWeek();
            out.append("  Sessions per week: ")
                    .append(perWeek == null ? "not set (see the warnings)" : perWeek.min() + " to " + perWeek.max())
                    .append('\n');
        }
        if (!r.sources().isEmpty()) {
            out.append("\nSources:\n");
            for (Source source : r.sources()) {
                out.append("  ").append(source.id()).append(": ").append(source.title()).append(" (").append(source.publisher())
                        .append(source.year() == null ? "" : ", " + source.year()).append(")")
                        .append(source.url() == null ? ", product policy" : ", " + source.url() + ", at " + source.locator())
                        .append('\n');
            }
        }
        out.append("\nRules fired: ").append(String.join(", ", r.firedRules())).append('\n');
        out.append("Rules version: ").append(r.rulesVersion()).append('\n');
        out.append("Rules in force on: ").append(r.asOf()).append('\n');
        return out.toString();
    }

    /** "no DEEP_TISSUE; at most light pressure": what an area limit keeps off its area. */
    private static String limit(Recommendation.AreaLimit l) {
        List<String> parts = new java.util.ArrayList<>();
        if (!l.keepOff().isEmpty()) {
            parts.add("no " + l.keepOff().stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (l.maxPressure() != null) {
            parts.add("at most " + l.maxPressure().name().toLowerCase(Locale.ROOT) + " pressure");
        }
        return String.join("; ", parts);
    }

    /** The referral of a referred answer (present exactly when the disposition is REFER). */
    private static Recommendation.Referral referral(Recommendation r) {
        return Objects.requireNonNull(r.referral(), "a referred answer has a referral");
    }

    private static String headline(Recommendation r) {
        return switch (r.disposition()) {
            case PROCEED -> "PROCEED";
            case PROCEED_WITH_CAUTION -> "PROCEED WITH CAUTION (see warnings)";
            case REFER -> "REFER - " + referral(r).urgency() + ": do not massage";
        };
    }

    /** On referral every technique carries the referral reasons; show only what is its own. */
    private static List<Reason> ownReasons(Recommendation.ExcludedTechnique e, Recommendation r) {
        List<Reason> own = e.reasons().stream().filter(x -> !referral(r).reasons().contains(x)).toList();
        return own.isEmpty() ? List.of(new Reason("the client is referred", "-", "-")) : own;
    }

    private static void reasons(StringBuilder out, List<Reason> reasons, String indent) {
        for (Reason reason : reasons) {
            out.append(indent).append(reason.text());
            if (!"-".equals(reason.ruleId())) {
                out.append(" [").append(reason.ruleId()).append(']');
            }
            out.append('\n');
        }
    }
}
