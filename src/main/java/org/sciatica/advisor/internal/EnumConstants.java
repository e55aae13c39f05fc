package org.sciatica.advisor.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.sciatica.advisor.RuleProblem;

/**
 * Finds constants of the library's enums that do not exist ({@code Condition.PREGNANT}), where
 * they are written. Drools reports such a mistake without a place, or at the rule, and in words a
 * rule author cannot act on; this names the constant, the closest real one and every allowed one.
 * The enums are whatever {@code enum} types the rule file's imports reach in the library's
 * packages, found by reflection, so a new enum or constant needs no change here.
 */
final class EnumConstants {
    /** The packages whose enums are the rules' vocabulary. */
    static final Set<String> PACKAGES = Set.of("org.sciatica.advisor", "org.sciatica.advisor.facts");

    /** A dotted name not preceded by a name or a dot: {@code Condition.PREGNANT}, {@code org.x.Y.Z}. */
    private static final Pattern CHAIN = Pattern.compile(
            "(?<![\\w$.])[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w$.]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*)(\\s*\\.\\s*\\*)?");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(?:trait\\s+|enum\\s+|type\\s+)?([\\w$.]+)");

    /** The enums of built-in findings: a constant a clinic declared as its own finding is pointed to hasClinicFinding. */
    static final Set<Class<?>> FINDINGS = Set.of(org.sciatica.advisor.Condition.class, org.sciatica.advisor.RedFlag.class,
            org.sciatica.advisor.Symptom.class);

    private final ClassLoader loader = EnumConstants.class.getClassLoader();
    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();
    private final Set<String> clinicFindings;

    /** Finds unknown constants; {@code clinicFindings} are the findings the loaded vocabulary declares. */
    EnumConstants(Set<String> clinicFindings) {
        this.clinicFindings = Set.copyOf(clinicFindings);
    }

    /**
     * An unknown constant where it is written.
     *
     * @param type     the enum
     * @param constant the name written after the dot
     * @param problem  the problem to report, at the start of the enum's name
     */
    record Unknown(Class<?> type, String constant, RuleProblem problem) {
    }

    /** Every unknown constant of a library enum in the file, in the order written. */
    List<Unknown> find(String file, DrlText drl) {
        String code = drl.bare();
        String pkg = null;
        Matcher p = PACKAGE.matcher(code);
        if (p.find()) {
            pkg = p.group(1);
        }
        Map<String, String> single = new HashMap<>();
        List<String> wildcards = new ArrayList<>();
        Matcher i = IMPORT.matcher(code);
        while (i.find()) {
            String name = i.group(1).replaceAll("\\s", "");
            if (name.indexOf('.') < 0) {
                continue; // import static ..., import function ...: not a type
            }
            if (i.group(2) != null) {
                wildcards.add(name);
            } else {
                single.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        Set<String> declared = new HashSet<>();
        Matcher d = DECLARE.matcher(code);
        while (d.find()) {
            declared.add(d.group(1).substring(d.group(1).lastIndexOf('.') + 1));
        }

        List<Unknown> found = new ArrayList<>();
        Matcher chain = CHAIN.matcher(code);
        while (chain.find()) {
            List<String> names = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher s = SEGMENT.matcher(chain.group());
            while (s.find()) {
                names.add(s.group());
                starts.add(chain.start() + s.start());
            }
            Class<?> type = null;
            int at = 0;
            // The class: a simple name the file can see, or a name in one of the library's packages.
            if (Character.isUpperCase(names.get(0).charAt(0)) && !declared.contains(names.get(0))) {
                type = resolve(names.get(0), pkg, single, wildcards);
                at = 1;
            }
            for (int k = 2; type == null && k < names.size(); k++) {
                String qualifier = String.join(".", names.subList(0, k - 1));
                if (PACKAGES.contains(qualifier)) {
                    type = load(qualifier + "." + names.get(k - 1));
                    at = k;
                }
            }
            if (type == null) {
                continue;
            }
            int first = at - 1;
            // Nested types: RedFlag.Concern.CANCER.
            for (Class<?> inner; at < names.size() && (inner = nested(type, names.get(at))) != null; at++) {
                type = inner;
            }
            if (at >= names.size() || !type.isEnum() || !PACKAGES.contains(type.getPackageName())) {
                continue;
            }
            String constant = names.get(at);
            boolean called = at == names.size() - 1 && nextIsParen(code, chain.end());
            if (called || member(type, constant)) {
                continue;
            }
            String written = String.join(".", names.subList(first, at + 1));
            int offset = starts.get(first);
            found.add(new Unknown(type, constant,
                    new RuleProblem(file, drl.lineOf(offset), drl.columnOf(offset), message(type, written, constant, clinicFindings))));
        }
        return found;
    }

    /**
     * {@code Condition.PREGNANT is not a Condition; did you mean PREGNANCY? Allowed: ...}. For a
     * finding a clinic declared ({@code Condition.LYMPHEDEMA}), or one no built-in constant is close
     * to, the message points to {@code vocabulary.csv} and {@code hasClinicFinding} instead.
     *
     * @param type           the enum
     * @param written        the reference as written, from the enum's name on
     * @param constant       the unknown constant
     * @param clinicFindings the findings the loaded vocabulary declares
     */
    static String message(Class<?> type, String written, String constant, Set<String> clinicFindings) {
        List<String> allowed = new ArrayList<>();
        for (Object value : type.getEnumConstants()) {
            allowed.add(((Enum<?>) value).name());
        }
        String upper = constant.toUpperCase(Locale.ROOT);
        String allowedText = "Allowed: " + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed));
        String kind = type.getSimpleName();
        if (FINDINGS.contains(type) && clinicFindings.contains(constant)) {
            return written + " is not a built-in " + kind + "; " + constant + " is a finding of the clinic, declared in "
                    + ClinicVocabulary.FILE_NAME + ": match it with Assessment( hasClinicFinding(\"" + constant + "\") ). "
                    + allowedText;
        }
        String closest = closest(upper, allowed);
        if (FINDINGS.contains(type) && (closest == null || !near(upper, closest))) {
            return written + " is not a built-in " + kind + "; if it is a finding of your clinic, declare it in a "
                    + ClinicVocabulary.FILE_NAME + " beside the rule file (finding," + upper + ",,,\"what it means\") and match it with"
                    + " Assessment( hasClinicFinding(\"" + upper + "\") ). " + allowedText;
        }
        return written + " is not a " + kind + "; "
                + (closest == null ? "" : "did you mean " + closest + "? ")
                + allowedText;
    }

    /** The name closest to {@code name} by {@link #distance}, or null when there is none. */
    static @Nullable String closest(String name, java.util.Collection<String> names) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : names) {
            int distance = distance(name, candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        return closest;
    }

    /** True when {@code candidate} is near enough to {@code name} to be what was meant: a slip, not another word. */
    static boolean near(String name, String candidate) {
        return distance(name, candidate) <= Math.max(2, Math.min(name.length(), candidate.length()) / 3);
    }

    /** Levenshtein distance: the fewest single-letter insertions, deletions and changes from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The class a simple name means in a file: an explicit import, the file's package, then wildcards. */
    private @Nullable Class<?> resolve(String simple, @Nullable String pkg, Map<String, String> single, List<String> wildcards) {
        String imported = single.get(simple);
        if (imported != null) {
            return load(imported);
        }
        if (pkg != null) {
            Class<?> own = load(pkg + "." + simple);
            if (own != null) {
                return own;
            }
        }
        for (String wildcard : wildcards) {
            Class<?> type = load(wildcard + "." + simple);
            if (type != null) {
                return type;
            }
            Class<?> outer = load(wildcard);
            if (outer != null && nested(outer, simple) != null) {
                return nested(outer, simple);
            }
        }
        return null;
    }

    private @Nullable Class<?> load(String name) {
        return classes.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static @Nullable Class<?> nested(Class<?> type, String name) {
        for (Class<?> inner : type.getClasses()) {
            if (inner.getSimpleName().equals(name)) {
                return inner;
            }
        }
        return null;
    }

    /** True when the name is something the enum has: a constant, a public field, method or type, or {@code class}. */
    private static boolean member(Class<?> type, String name) {
        if (name.equals("class")) {
            return true;
        }
        for (Field field : type.getFields()) {
            if (field.getName().equals(name)) {
                return true;
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return true;
            }
        }
        return nested(type, name) != null;
    }

    private static boolean nextIsParen(String code, int from) {
        for (int i = from; i < code.length(); i++) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i) == '(';
            }
        }
        return false;
    }
}
