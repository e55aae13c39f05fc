package org.sciatica.advisor.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.ImpactReport.Change;
import org.sciatica.advisor.ImpactReport.Example;
import org.sciatica.advisor.ImpactReport.Kind;
import org.sciatica.advisor.ImpactReport.LineError;
import org.sciatica.advisor.ImpactReport.Refusal;
import java.util.Objects;

/**
 * An {@link ImpactReport} for people ({@link #text}), for programs ({@link #json}) and for a
 * pull-request comment ({@link #markdown}). Only writes; the comparison is {@link org.sciatica.advisor.Impact}'s.
 */
final class ImpactReports {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Indented as {@link org.sciatica.advisor.json.RecommendationJson#pretty} indents an answer. */
    private static final ObjectWriter PRETTY = JsonMapper.builder().build().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    /** Ids longer than this are shortened in text and Markdown (never in JSON). */
    private static final int MAX_ID = 80;

    private static final Map<Kind, String> LABELS = new EnumMap<>(Kind.class);
    /** What before and after stand for, where the label does not say it. */
    private static final Map<Kind, String> VALUES = new EnumMap<>(Kind.class);

    static {
        LABELS.put(Kind.DISPOSITION, "disposition");
        LABELS.put(Kind.URGENCY, "referral urgency");
        LABELS.put(Kind.FIRST_TECHNIQUE, "first technique");
        LABELS.put(Kind.TECHNIQUE_EXCLUDED, "technique excluded");
        LABELS.put(Kind.TECHNIQUE_ALLOWED, "technique allowed again");
        LABELS.put(Kind.PRESSURE_RAISED, "pressure raised");
        LABELS.put(Kind.PRESSURE_LOWERED, "pressure lowered");
        LABELS.put(Kind.WARNING_ADDED, "warning added");
        LABELS.put(Kind.WARNING_REMOVED, "warning removed");
        LABELS.put(Kind.FOCUS_AREAS, "focus areas");
        LABELS.put(Kind.PLAN, "session plan");
        LABELS.put(Kind.RULES_FIRED, "rules fired");
        VALUES.put(Kind.TECHNIQUE_EXCLUDED, "excluded techniques");
        VALUES.put(Kind.TECHNIQUE_ALLOWED, "excluded techniques");
        VALUES.put(Kind.PRESSURE_RAISED, "techniques whose pressure changed");
        VALUES.put(Kind.PRESSURE_LOWERED, "techniques whose pressure changed");
        VALUES.put(Kind.WARNING_ADDED, "warning codes");
        VALUES.put(Kind.WARNING_REMOVED, "warning codes");
        VALUES.put(Kind.PLAN, "steps by rule, sessions per week");
        VALUES.put(Kind.RULES_FIRED, "rules that fired for one side only");
    }

    private ImpactReports() {
    }

    /** The label of a kind of change, as people read it. */
    static String label(Kind kind) {
        return Objects.requireNonNull(LABELS.get(kind), "every kind has a label");
    }

    /** One sentence: what the verdict means for these totals. */
    static String summary(ImpactReport r) {
        return switch (r.verdict()) {
            case UNCHANGED -> "No answer changed: the candidate rules answer " + count(r.assessments(), "assessment")
                    + " as the baseline rules do.";
            case CHANGED -> r.changed() + " of " + count(r.assessments(), "assessment")
                    + " get a different answer from the candidate rules; none is less cautious.";
            case LESS_CAUTIOUS -> r.lessCautious() + " of " + count(r.assessments(), "assessment")
                    + " get a less cautious answer from the candidate rules.";
            case UNSAFE -> r.unsafe() + " of " + count(r.assessments(), "assessment")
                    + " get an answer the safety monitor refuses.";
        };
    }

    private static String verdictWords(ImpactReport r) {
        return r.verdict().name().replace('_', ' ');
    }

    private static String totals(ImpactReport r) {
        return r.assessments() + " compared, " + r.changed() + " changed, " + r.lessCautious() + " less cautious, "
                + r.unsafe() + " unsafe, " + count(r.errors(), "error");
    }

    /**
     * The report as {@code --impact} writes it: {@link #text}, {@link #json} (and a line end) or {@link #markdown}.
     *
     * @throws IllegalArgumentException for another format
     */
    static String output(ImpactReport r, String format) {
        return switch (format) {
            case "text" -> text(r);
            case "json" -> json(r) + System.lineSeparator();
            case "markdown" -> markdown(r);
            default -> throw new IllegalArgumentException("an impact report is text, json or markdown; was '" + format + "'");
        };
    }

    // ---------------------------------------------------------------- text

    /** For people: verdict first, then a table of the kinds that changed, examples, refusals and errors. */
    static String text(ImpactReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Rule change impact: ").append(verdictWords(r)).append('\n');
        s.append(summary(r)).append('\n');
        s.append("Baseline rules:  ").append(r.baselineRules()).append('\n');
        s.append("Candidate rules: ").append(r.candidateRules()).append('\n');
        s.append("Assessments: ").append(totals(r)).append('\n');
        List<Change> changed = changed(r);
        if (!changed.isEmpty()) {
            int width = changed.stream().mapToInt(c -> label(c.kind()).length()).max().orElse(0);
            s.append('\n').append(String.format(Locale.ROOT, "%-" + (width + 2) + "s  %11s  %13s  %s", "Changes", "Assessments", "Less cautious", "Rules"))
                    .append('\n');
            for (Change c : changed) {
                s.append(String.format(Locale.ROOT, "  %-" + width + "s  %11d  %13s  %s", label(c.kind()), c.count(),
                        c.lessCautious() == 0 ? "" : String.valueOf(c.lessCautious()), plain(rules(c.ruleIds())))).append('\n');
            }
            s.append("\nExamples (at most 3 per kind; before -> after):\n");
            for (Change c : changed) {
                String values = VALUES.get(c.kind());
                s.append("  ").append(label(c.kind())).append(values == null ? "" : " (" + values + ")").append(":\n");
                for (Example e : c.examples()) {
                    s.append("    ").append(where(e.line(), e.id(), false)).append(": ").append(plain(e.before())).append(" -> ").append(plain(e.after()))
                            .append(e.lessCautious() ? "  [less cautious]" : "").append('\n');
                }
            }
        }
        if (r.unsafe() > 0) {
            s.append("\nUnsafe answers (").append(r.unsafe()).append(", rules involved: ").append(plain(rules(r.unsafeRuleIds()))).append("):\n");
            for (Refusal u : r.refusals()) {
                s.append("  ").append(where(u.line(), u.id(), false)).append(", ").append(side(u))
                        .append(" (rules ").append(plain(rules(u.ruleIds()))).append("): ").append(plain(u.message())).append('\n');
            }
            more(s, r.unsafe(), r.refusals().size());
        }
        if (r.errors() > 0) {
            s.append("\nErrors (").append(r.errors()).append(", not compared):\n");
            for (LineError e : r.errorLines()) {
                s.append("  line ").append(e.line()).append(": ").append(plain(e.message())).append('\n');
            }
            more(s, r.errors(), r.errorLines().size());
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- JSON

    /** For programs: one indented object, every kind present (count 0 when nothing changed in it). */
    static String json(ImpactReport r) {
        ObjectNode root = NODES.objectNode();
        root.put("verdict", r.verdict().name());
        ObjectNode totals = root.putObject("totals");
        totals.put("assessments", r.assessments());
        totals.put("changed", r.changed());
        totals.put("lessCautious", r.lessCautious());
        totals.put("unsafe", r.unsafe());
        totals.put("errors", r.errors());
        ObjectNode changes = root.putObject("changes");
        for (Change c : r.changes()) {
            ObjectNode kind = changes.putObject(c.kind().name());
            kind.put("count", c.count());
            kind.put("lessCautious", c.lessCautious());
            strings(kind.putArray("rules"), c.ruleIds());
            ArrayNode examples = kind.putArray("examples");
            for (Example e : c.examples()) {
                ObjectNode example = examples.addObject();
                example.put("line", e.line());
                example.put("id", e.id());
                example.put("before", e.before());
                example.put("after", e.after());
                example.put("lessCautious", e.lessCautious());
            }
        }
        ObjectNode unsafe = root.putObject("unsafe");
        strings(unsafe.putArray("rules"), r.unsafeRuleIds());
        ArrayNode answers = unsafe.putArray("answers");
        for (Refusal u : r.refusals()) {
            ObjectNode answer = answers.addObject();
            answer.put("line", u.line());
            answer.put("id", u.id());
            answer.put("side", u.side().name());
            answer.put("safetyLine", u.safetyLine());
            strings(answer.putArray("rules"), u.ruleIds());
            answer.put("message", u.message());
        }
        ArrayNode errors = root.putArray("errors");
        for (LineError e : r.errorLines()) {
            ObjectNode line = errors.addObject();
            line.put("line", e.line());
            ObjectNode error = line.putObject("error");
            error.put("field", e.field());
            error.put("message", e.message());
        }
        ObjectNode versions = root.putObject("rulesVersion");
        versions.put("baseline", r.baselineRules());
        versions.put("candidate", r.candidateRules());
        try {
            return PRETTY.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the impact report as JSON", e);
        }
    }

    // ---------------------------------------------------------------- Markdown

    /** For a pull-request comment: a heading, the verdict, a table of the kinds that changed, examples. */
    static String markdown(ImpactReport r) {
        StringBuilder s = new StringBuilder();
        s.append("## Rule change impact: ").append(verdictWords(r).toLowerCase(Locale.ROOT)).append("\n\n");
        s.append("**Verdict: ").append(r.verdict().name()).append(".** ").append(md(summary(r))).append("\n\n");
        s.append("Assessments: ").append(totals(r)).append(". Baseline rules ").append(code(r.baselineRules()))
                .append(", candidate rules ").append(code(r.candidateRules())).append(".\n");
        List<Change> changed = changed(r);
        if (!changed.isEmpty()) {
            s.append("\n| Change | Assessments | Less cautious | Rules |\n|---|---:|---:|---|\n");
            for (Change c : changed) {
                s.append("| ").append(label(c.kind())).append(" | ").append(c.count()).append(" | ").append(c.lessCautious())
                        .append(" | ").append(md(rules(c.ruleIds()))).append(" |\n");
            }
            s.append("\n### Examples\n\nAt most 3 per kind, before -> after.\n");
            for (Change c : changed) {
                String values = VALUES.get(c.kind());
                s.append("\n**").append(label(c.kind())).append("**").append(values == null ? "" : " (" + values + ")").append("\n\n");
                for (Example e : c.examples()) {
                    s.append("- ").append(where(e.line(), e.id(), true)).append(": ").append(code(e.before())).append(" -> ")
                            .append(code(e.after())).append(e.lessCautious() ? " (less cautious)" : "").append('\n');
                }
            }
        }
        if (r.unsafe() > 0) {
            s.append("\n### Unsafe answers\n\n").append(r.unsafe()).append(" refused; rules involved: ")
                    .append(md(rules(r.unsafeRuleIds()))).append(".\n\n");
            for (Refusal u : r.refusals()) {
                s.append("- ").append(where(u.line(), u.id(), true)).append(", ").append(side(u))
                        .append(" (rules ").append(md(rules(u.ruleIds()))).append("): ").append(md(u.message())).append('\n');
            }
            more(s, r.unsafe(), r.refusals().size());
        }
        if (r.errors() > 0) {
            s.append("\n### Errors\n\n").append(count(r.errors(), "input")).append(" not compared.\n\n");
            for (LineError e : r.errorLines()) {
                s.append("- line ").append(e.line()).append(": ").append(md(e.message())).append('\n');
            }
            more(s, r.errors(), r.errorLines().size());
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static List<Change> changed(ImpactReport r) {
        return r.changes().stream().filter(c -> c.count() > 0).toList();
    }

    private static String side(Refusal u) {
        return u.side().name().toLowerCase(Locale.ROOT);
    }

    private static String where(long line, @Nullable String id, boolean markdown) {
        if (id == null) {
            return "line " + line;
        }
        String shown = id.length() > MAX_ID ? id.substring(0, MAX_ID) + "..." : id;
        return "line " + line + " (" + (markdown ? md(shown) : plain(shown)) + ")";
    }

    private static String rules(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void more(StringBuilder s, long all, int listed) {
        if (all > listed) {
            s.append("  ... and ").append(all - listed).append(" more\n");
        }
    }

    /** Text from the input or the rules, made safe for a terminal: control characters escaped. */
    static String plain(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                s.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    /** Text from the input or the rules, made inert in Markdown: one line, special characters escaped. */
    static String md(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                s.append(' ');
            } else {
                if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                    s.append('\\');
                }
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    /** A code span, or escaped text when the value holds a backtick or a line break. */
    private static String code(String text) {
        return text.indexOf('`') >= 0 || text.chars().anyMatch(Character::isISOControl) ? md(text) : "`" + text + "`";
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
