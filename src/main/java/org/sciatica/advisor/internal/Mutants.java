package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sciatica.advisor.RuleInfo;

/**
 * Mutants of a rule set, made by editing the DRL text: for each rule, one without it, and one per
 * constant it can weaken (a pressure limit one step higher, a support weight one lower, an
 * {@code EMERGENCY} referral {@code URGENT}). Each mutant is the full list of rule files with one
 * file edited; lines keep their numbers (a removed rule leaves blank lines).
 */
public final class Mutants {
    /** How a mutant differs from the rules. */
    public enum Kind {
        /** The rule is gone. */
        REMOVED,
        /** A pressure limit the rule sets is one step higher (LIGHT to MODERATE, MODERATE to FIRM). */
        PRESSURE_LIMIT_RAISED,
        /** A constant support weight the rule gives is one lower. */
        SUPPORT_WEIGHT_LOWERED,
        /** An EMERGENCY referral the rule makes is URGENT. */
        URGENCY_LOWERED
    }

    /**
     * One mutant.
     *
     * @param rule   the rule that was removed or weakened
     * @param kind   how
     * @param from   the constant before ("" for a removal)
     * @param to     the constant after ("" for a removal)
     * @param line   the line of the change (the rule's declaration for a removal), from 1
     * @param files  the rule files with the change
     */
    public record Mutant(RuleInfo rule, Kind kind, String from, String to, int line, List<RuleFile> files) {
    }

    private static final String QUALIFIER = "(?:[\\w$]+\\s*\\.\\s*)*";
    private static final Pattern PRESSURE_LIMIT = Pattern.compile(
            "\\bnew\\s+(?:[\\w$]+\\s*\\.\\s*)*PressureLimit\\s*\\(\\s*" + QUALIFIER + "(LIGHT|MODERATE)\\b");
    private static final Pattern SUPPORT_WEIGHT = Pattern.compile(
            "\\bnew\\s+(?:[\\w$]+\\s*\\.\\s*)*Support\\s*\\(\\s*[^,()]+,\\s*(\\d+)\\s*[,)]");
    private static final Pattern EMERGENCY = Pattern.compile(
            "\\bnew\\s+(?:[\\w$]+\\s*\\.\\s*)*Refer\\s*\\(\\s*" + QUALIFIER + "(EMERGENCY)\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");

    private Mutants() {
    }

    /**
     * Every mutant of the rules the predicate selects, in catalog order: first the removal, then
     * each weakened constant in the order written.
     *
     * @param files   the rule files, as loaded
     * @param catalog the loaded rules
     * @param which   the rules to mutate
     * @return the mutants
     */
    public static List<Mutant> of(List<RuleFile> files, List<RuleInfo> catalog, Predicate<RuleInfo> which) {
        List<Mutant> mutants = new ArrayList<>();
        for (RuleInfo rule : catalog) {
            if (!which.test(rule)) {
                continue;
            }
            int index = indexOf(files, rule.file());
            if (index < 0) {
                continue;
            }
            RuleFile file = files.get(index);
            int[] declared = RuleBase.declaration(files, rule.file(), rule.name());
            DrlText drl = new DrlText(file.content());
            int[] block = drl.ruleAt(declared[0]);
            if (declared[0] <= 0 || block == null) {
                continue;
            }
            int last = block[0];
            for (int l = block[0]; l <= block[1]; l++) {
                if (END.matcher(drl.bare().substring(drl.lineStart(l), drl.lineEnd(l))).find()) {
                    last = l;
                }
            }
            StringBuilder removed = new StringBuilder(file.content());
            for (int at = drl.lineEnd(last) - 1; at >= drl.lineStart(block[0]); at--) {
                if (removed.charAt(at) != '\n' && removed.charAt(at) != '\r') {
                    removed.deleteCharAt(at);
                }
            }
            mutants.add(new Mutant(rule, Kind.REMOVED, "", "", declared[0], with(files, index, removed.toString())));
            int from = drl.actionStart(new int[] {block[0], last});
            int to = drl.lineEnd(last);
            if (from < 0) {
                continue;
            }
            weaken(mutants, rule, files, index, drl, from, to);
        }
        return mutants;
    }

    private static void weaken(List<Mutant> mutants, RuleInfo rule, List<RuleFile> files, int index, DrlText drl, int from, int to) {
        List<int[]> edits = new ArrayList<>();
        List<Object[]> found = new ArrayList<>();
        for (Pattern pattern : List.of(PRESSURE_LIMIT, SUPPORT_WEIGHT, EMERGENCY)) {
            Matcher m = pattern.matcher(drl.bare());
            m.region(from, to);
            while (m.find()) {
                String constant = m.group(1);
                String weaker;
                Kind kind;
                if (pattern == PRESSURE_LIMIT) {
                    kind = Kind.PRESSURE_LIMIT_RAISED;
                    weaker = constant.equals("LIGHT") ? "MODERATE" : "FIRM";
                } else if (pattern == SUPPORT_WEIGHT) {
                    int weight = Integer.parseInt(constant);
                    if (weight == 0) {
                        continue;
                    }
                    kind = Kind.SUPPORT_WEIGHT_LOWERED;
                    weaker = Integer.toString(weight - 1);
                } else {
                    kind = Kind.URGENCY_LOWERED;
                    weaker = "URGENT";
                }
                edits.add(new int[] {m.start(1), m.end(1)});
                found.add(new Object[] {kind, constant, weaker});
            }
        }
        // In the order written in the rule.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(edits.get(a)[0], edits.get(b)[0]));
        for (int i : order) {
            int[] at = edits.get(i);
            String text = drl.text();
            String mutated = text.substring(0, at[0]) + found.get(i)[2] + text.substring(at[1]);
            mutants.add(new Mutant(rule, (Kind) found.get(i)[0], (String) found.get(i)[1], (String) found.get(i)[2],
                    drl.lineOf(at[0]), with(files, index, mutated)));
        }
    }

    private static List<RuleFile> with(List<RuleFile> files, int index, String content) {
        List<RuleFile> changed = new ArrayList<>(files);
        changed.set(index, new RuleFile(files.get(index).name(), content));
        return List.copyOf(changed);
    }

    private static int indexOf(List<RuleFile> files, String name) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
