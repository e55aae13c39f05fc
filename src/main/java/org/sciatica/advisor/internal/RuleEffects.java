package org.sciatica.advisor.internal;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.facts.Support;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a rule does from its right-hand side, for the catalog: "excludes DEEP_TISSUE",
 * "warns SEVERE_PAIN_CONSULT", ... A rule whose actions it cannot read gets "(see the rule)".
 */
final class RuleEffects {
    private static final Pattern NEW_FACT = Pattern.compile(
            "new\\s+(\\w+)\\s*\\(\\s*([^,()]+?)\\s*(?:,\\s*([^,()]+?)\\s*)?[,)]");

    private static final Pattern RHS = Pattern.compile("(?s)\\bthen\\b(.*?)(?:^|\\n)\\s*end\\b");

    /** Each rule file's effects by declaration line, read once; a file's entry goes with its text. */
    private static final Map<String, Map<Integer, List<String>>> EFFECTS = Collections.synchronizedMap(new WeakHashMap<>());
    /** Each rule file's right-hand sides by declaration line, found once. */
    private static final Map<String, Map<Integer, String>> BODIES = Collections.synchronizedMap(new WeakHashMap<>());

    private RuleEffects() {
    }

    /**
     * The right-hand side of the rule declared at {@code line}: from the first "then" to the "end" that
     * starts a line, searched in the file's lines from that one on, each ended by a line feed.
     */
    private static String body(String drl, int line) {
        Map<Integer, String> known = BODIES.computeIfAbsent(drl, t -> new java.util.concurrent.ConcurrentHashMap<>());
        return known.computeIfAbsent(line, l -> {
            Joined joined = JOINED.computeIfAbsent(drl, Joined::of);
            if (l - 1 >= joined.starts().length) {
                return "";
            }
            // The search starts at the rule's line as if the text began there (the region's bounds are opaque
            // and anchoring), without copying the rest of the file for each rule.
            Matcher rhs = RHS.matcher(joined.text()).region(joined.starts()[l - 1], joined.text().length());
            return rhs.find() ? rhs.group(1) : "";
        });
    }

    /** Each rule file's lines joined, each ended by a line feed, with where each line starts. */
    private static final Map<String, Joined> JOINED = Collections.synchronizedMap(new WeakHashMap<>());

    /** A file's {@link Lines} joined, each followed by a line feed, and the offset at which each starts. */
    private record Joined(String text, int[] starts) {
        static Joined of(String drl) {
            String[] lines = Lines.of(drl);
            StringBuilder text = new StringBuilder();
            int[] starts = new int[lines.length];
            for (int i = 0; i < lines.length; i++) {
                starts[i] = text.length();
                text.append(lines[i]).append('\n');
            }
            return new Joined(text.toString(), starts);
        }
    }

    /** The effects of the rule declared at {@code line} (1-based) in {@code drl}. */
    static List<String> of(String drl, int line) {
        if (line <= 0) {
            return List.of();
        }
        // Loading reads each rule's effects several times (the catalog, the weight and alert checks): once is enough.
        Map<Integer, List<String>> known = EFFECTS.computeIfAbsent(drl, t -> new java.util.concurrent.ConcurrentHashMap<>());
        return new ArrayList<>(known.computeIfAbsent(line, l -> List.copyOf(read(drl, l))));
    }

    private static List<String> read(String drl, int line) {
        String body = body(drl, line);
        Set<String> effects = new LinkedHashSet<>();
        Matcher m = NEW_FACT.matcher(body);
        while (m.find()) {
            effects.add(describe(m.group(1), tail(m.group(2)), m.group(3) == null ? "" : tail(m.group(3))));
        }
        if (effects.isEmpty() && body.contains("insert")) {
            effects.add("(see the rule)");
        }
        return new ArrayList<>(effects);
    }

    /**
     * The texts the rule's actions write, as written in the rule, each with its effect (as in
     * {@link #of}): the last argument of each {@code new Fact(...)} when it is one text constant.
     * A text built from values when the rule fires ({@code $flag + " ..."}) is not listed.
     */
    static List<RuleInfo.Text> texts(String drl, int line) {
        if (line <= 0) {
            return List.of();
        }
        String body = body(drl, line);
        List<RuleInfo.Text> texts = new ArrayList<>();
        Matcher m = NEW_FACT.matcher(body);
        int from = 0;
        while (m.find(from)) {
            int open = body.indexOf('(', m.start());
            List<String> arguments = arguments(body, open);
            String effect = describe(m.group(1), tail(m.group(2)), m.group(3) == null ? "" : tail(m.group(3)));
            RuleInfo.@Nullable Text t = arguments.isEmpty() ? null : text(effect, arguments.get(arguments.size() - 1));
            if (t != null && !texts.contains(t)) {
                texts.add(t);
            }
            from = open + 1;
        }
        return texts;
    }

    /** The top-level arguments of the call whose '(' is at {@code open}, as written; empty when unbalanced. */
    private static List<String> arguments(String body, int open) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                for (i++; i < body.length() && body.charAt(i) != '"'; i++) {
                    if (body.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    arguments.add(body.substring(start, i).strip());
                    return arguments;
                }
            } else if (c == ',' && depth == 1) {
                arguments.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        return List.of();
    }

    /**
     * The text an argument writes: one text constant, or text constants joined by {@code +} around
     * one other expression (a template); null for anything else.
     */
    private static RuleInfo.@Nullable Text text(String effect, String argument) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '"') {
                for (i++; i < argument.length() && argument.charAt(i) != '"'; i++) {
                    if (argument.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '+' && depth == 0) {
                parts.add(argument.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(argument.substring(start).strip());
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        String value = null;
        for (String part : parts) {
            String constant = literal(part);
            if (constant != null) {
                (value == null ? before : after).append(constant);
            } else if (value == null && part.matches("\\$?[\\w.]+(\\(\\))?")) {
                value = part;
            } else {
                return null; // a second value, or an expression this reading does not follow
            }
        }
        if (value == null) {
            return new RuleInfo.Text(effect, before.toString());
        }
        // "a" + $x + "b" is a text; $x + 1 + "b" or a value alone is not one this reading can place.
        return before.length() + after.length() == 0 ? null : new RuleInfo.Text(effect, before.toString(), value, after.toString());
    }

    /** The value of one Java text constant ({@code "..."} with its escapes), or null when the expression is anything else. */
    static @Nullable String literal(String expression) {
        if (expression.length() < 2 || expression.charAt(0) != '"' || expression.charAt(expression.length() - 1) != '"') {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < expression.length() - 1; i++) {
            char c = expression.charAt(i);
            if (c == '"') {
                return null; // "a" + "b": more than one constant
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i >= expression.length() - 1) {
                return null;
            }
            switch (expression.charAt(i)) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case '"' -> text.append('"');
                case '\'' -> text.append('\'');
                case '\\' -> text.append('\\');
                case 'u' -> {
                    if (i + 4 >= expression.length() - 1) {
                        return null;
                    }
                    try {
                        text.append((char) Integer.parseInt(expression.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return text.toString();
    }

    /** Support weights written as constants outside 0 to {@link Support#MAX_WEIGHT}: found when the rules load. */
    static List<String> weightProblems(String drl, int line) {
        List<String> problems = new ArrayList<>();
        for (String effect : of(drl, line)) {
            Matcher m = WEIGHT.matcher(effect);
            if (m.matches()) {
                int weight = Integer.parseInt(m.group(2));
                if (weight > Support.MAX_WEIGHT) {
                    problems.add("gives " + m.group(1) + " a support weight of " + weight + "; a weight is a whole number from 0 to "
                            + Support.MAX_WEIGHT + " (3: the main problem, 2: a symptom or the gentle option, 1: good practice)");
                }
            }
        }
        return problems;
    }

    private static final Pattern WEIGHT = Pattern.compile("supports (\\w+) \\(weight (\\d+)\\)");

    /** The warning codes written as text constants in the rule's {@code new Alert("CODE", ...)} actions. */
    static List<String> alertCodes(String drl, int line) {
        List<String> codes = new ArrayList<>();
        for (String effect : of(drl, line)) {
            if (effect.startsWith("warns \"") && effect.endsWith("\"")) {
                codes.add(effect.substring(7, effect.length() - 1));
            }
        }
        return codes;
    }

    private static String describe(String fact, String first, String second) {
        return switch (fact) {
            case "Support" -> "supports " + first + " (weight " + second + ")";
            case "Exclusion" -> "excludes " + first;
            case "PressureLimit" -> "limits pressure to " + first;
            case "Demotion" -> "never lets " + first + " lead";
            case "Refer" -> "refers (" + first + ")";
            case "Alert" -> "warns " + first;
            case "Focus" -> "focuses on " + first;
            case "Step" -> "adds a plan step (" + first + ")";
            case "Frequency" -> "sets " + first + "-" + second + " sessions a week";
            case "HandsOff" -> "keeps hands off " + first;
            case "Ask" -> "asks for " + first;
            case "AreaRestriction" -> "keeps " + second + " off " + first;
            case "AreaPressureLimit" -> "limits pressure on " + first + " to " + second;
            default -> "inserts " + fact;
        };
    }

    /** {@code Technique.DEEP_TISSUE} to {@code DEEP_TISSUE}; {@code $technique} to "the matched technique". */
    private static String tail(String expression) {
        String e = expression.strip();
        if (e.startsWith("$")) {
            return "the matched " + e.substring(1);
        }
        int dot = e.lastIndexOf('.');
        return dot >= 0 ? e.substring(dot + 1) : e;
    }
}
