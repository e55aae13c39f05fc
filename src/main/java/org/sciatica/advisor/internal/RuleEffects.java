package org.sciatica.advisor.internal;

import org.sciatica.advisor.facts.Support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private RuleEffects() {
    }

    /** The effects of the rule declared at {@code line} (1-based) in {@code drl}. */
    static List<String> of(String drl, int line) {
        if (line <= 0) {
            return List.of();
        }
        String[] lines = drl.split("\\R", -1);
        StringBuilder rest = new StringBuilder();
        for (int i = line - 1; i < lines.length; i++) {
            rest.append(lines[i]).append('\n');
        }
        // The right-hand side: from the first "then" to the "end" that starts a line (or the text's end).
        Matcher rhs = RHS.matcher(rest);
        String body = rhs.find() ? rhs.group(1) : "";
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
