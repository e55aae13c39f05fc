package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.WarningCode;

/**
 * The checks of a rule's metadata and vocabulary that need no compiled rule: its {@code @id} and
 * {@code @source} against the sources registry, the warning codes it raises and the clinic findings
 * it matches against the declared vocabulary. They run on the compiled rules when every file
 * compiles, and on the rules' text when one does not, so that a rule author gets every problem
 * in one round, compile errors and these together.
 */
final class RuleChecks {
    /** A rule's header in its text: {@code @key("value")} or {@code @key(value)} metadata. */
    private static final Pattern METADATA = Pattern.compile("@([\\w$.-]+)\\s*(?:\\(\\s*(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|([^)\\n]*))\\s*\\))?");
    private static final Pattern WHEN = Pattern.compile("\\b(?:when|then)\\b");
    private static final Pattern RULE = Pattern.compile("\\brule\\b");
    /** A clinic finding named in a condition: {@code hasClinicFinding("X")} or {@code clinicFindings contains "X"}. */
    private static final Pattern FINDING = Pattern.compile(
            "(?:\\bhasClinicFinding\\s*\\(\\s*|\\bclinicFindings\\s+contains\\s+)\"([^\"\\n]*)\"");

    /** False when the text cannot name a clinic finding: it holds neither word {@link #FINDING} starts with. */
    static boolean mayNameAFinding(String text) {
        return text.contains("hasClinicFinding") || text.contains("clinicFindings");
    }

    private RuleChecks() {
    }

    /** A rule as its text declares it: name, where its {@code rule} keyword is, its metadata and attributes. */
    record Header(String name, int[] at, Map<String, String> meta, boolean dateEffective, boolean dateExpires,
                  boolean expiresAnnotation) implements Lifecycle.Meta {
        @Override
        public @Nullable String metadata(String key) {
            String value = meta.get(key);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Every rule of a file as its text declares it, in file order. */
    static List<Header> headers(DrlText drl) {
        List<Header> headers = new ArrayList<>();
        String code = drl.code();
        String bare = drl.bare();
        for (int[] block : drl.rules()) {
            int from = drl.lineStart(block[0]);
            int to = drl.lineEnd(block[1]);
            Matcher rule = RULE.matcher(bare).region(from, to);
            if (!rule.find()) {
                continue;
            }
            int i = rule.end();
            while (i < to && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            String name;
            if (i < to && (code.charAt(i) == '"' || code.charAt(i) == '\'')) {
                int close = code.indexOf(code.charAt(i), i + 1);
                close = close < 0 || close > to ? to : close;
                name = code.substring(i + 1, close);
                i = Math.min(close + 1, to);
            } else {
                int start = i;
                while (i < to && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_' || code.charAt(i) == '$')) {
                    i++;
                }
                name = code.substring(start, i);
            }
            Matcher when = WHEN.matcher(bare).region(i, to);
            int headerEnd = when.find() ? when.start() : to;
            Map<String, String> meta = new LinkedHashMap<>();
            Matcher m = METADATA.matcher(code).region(i, headerEnd);
            while (m.find()) {
                meta.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "");
            }
            String header = bare.substring(i, headerEnd);
            headers.add(new Header(name, new int[] {drl.lineOf(rule.start()), drl.columnOf(rule.start())}, meta,
                    Pattern.compile("(?<![\\w-])date-effective(?![\\w-])").matcher(header).find(),
                    Pattern.compile("(?<![\\w-])date-expires(?![\\w-])").matcher(header).find(),
                    meta.containsKey("expires")));
        }
        return headers;
    }

    /**
     * Checks a rule's {@code @id} and {@code @source}; the registered source, or null when a problem
     * was added.
     *
     * @param file     the rule's file
     * @param at       where its {@code rule} keyword is
     * @param name     the rule's name
     * @param id       its {@code @id}, or null
     * @param source   its {@code @source}, or null
     * @param sources  the registry loaded with the rules
     * @param all      every file loaded, to tell whether the rule's directory has a registry
     * @param problems where problems go
     */
    static @Nullable Source idAndSource(String file, int[] at, String name, @Nullable String id, @Nullable String source,
                                        SourceRegistry sources, List<RuleFile> all, List<RuleProblem> problems) {
        if (id == null) {
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" has no @id(\"...\") metadata"));
        }
        if (source == null) {
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" has no @source(\"...\") metadata"));
            return null;
        }
        Source registered = sources.get(source);
        if (registered != null) {
            return id == null ? null : registered;
        }
        if (sources.rejected(source)) {
            return null; // its registry row has a problem of its own, already reported
        }
        String dir = directoryOf(file);
        String registry = (dir.isEmpty() ? "" : dir + "/") + SourceRegistry.FILE_NAME;
        boolean hasRegistry = all.stream().anyMatch(f -> f.isSourceRegistry() && directoryOf(f.name()).equals(dir));
        if (!source.matches(SourceRegistry.ID)) {
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" cites @source(\"" + source + "\"), which is"
                    + " not a source id: @source names the id of an entry in the " + SourceRegistry.FILE_NAME + " beside the rule"
                    + " file (" + registry + "), where the title and the rest go. Under its header "
                    + String.join(",", SourceRegistry.COLUMNS) + " add a line such as " + exampleEntry(source)
                    + " and write @source(\"" + slug(source) + "\")"));
        } else {
            String near = EnumConstants.closest(source, sources.ids());
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" cites @source(\"" + source
                    + "\"), which is not in any " + SourceRegistry.FILE_NAME + " loaded with the rules"
                    + (near != null && EnumConstants.near(source, near) ? "; did you mean \"" + near + "\"?" : "")
                    + (sources.isEmpty() ? " (none was loaded: put a " + SourceRegistry.FILE_NAME + " beside the rule files)"
                            : "; known sources: " + String.join(", ", sources.ids()))));
        }
        if (!hasRegistry) {
            problems.add(new RuleProblem(registry, 0, 0, "no such file, and rules in " + (dir.isEmpty() ? "this directory" : dir)
                    + " cite sources no loaded registry holds; create it with the header " + String.join(",", SourceRegistry.COLUMNS)
                    + " and one line per source"));
        }
        return null;
    }

    /** The warning codes a rule raises by name, checked against the built-in and declared codes. */
    static void alerts(String file, int[] at, String name, String content, ClinicVocabulary vocabulary, List<RuleProblem> problems) {
        for (String code : RuleEffects.alertCodes(content, at[0])) {
            if (vocabulary.warning(code) != null || vocabulary.rejected(code)
                    || Arrays.stream(WarningCode.values()).anyMatch(c -> c.name().equals(code))) {
                continue;
            }
            List<String> known = new ArrayList<>(vocabulary.warningCodes());
            Arrays.stream(WarningCode.values()).forEach(c -> known.add(c.name()));
            String near = EnumConstants.closest(code, known);
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" raises warning \"" + code
                    + "\", which is neither a built-in warning code nor declared in a " + ClinicVocabulary.FILE_NAME
                    + " loaded with the rules" + (near != null && EnumConstants.near(code, near) ? "; did you mean " + near + "?" : "")
                    + (vocabulary.warningCodes().isEmpty() ? "" : "; declared: " + String.join(", ", vocabulary.warningCodes()))));
        }
    }

    /** Support weights written as constants outside their range. */
    static void weights(String file, int[] at, String name, String content, List<RuleProblem> problems) {
        for (String problem : RuleEffects.weightProblems(content, at[0])) {
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" " + problem));
        }
    }

    /**
     * Every clinic finding a rule file names ({@code hasClinicFinding("X")}, {@code clinicFindings
     * contains "X"}) that the loaded vocabulary does not declare, where it is written: a misspelt
     * finding would otherwise load and never match.
     */
    static void clinicFindings(RuleFile file, DrlText drl, ClinicVocabulary vocabulary, List<RuleProblem> problems) {
        if (!mayNameAFinding(file.content())) {
            return; // the pattern needs one of these words: most files are passed over without a regular expression
        }
        Matcher m = FINDING.matcher(drl.code());
        java.util.Set<String> declared = vocabulary.findings();
        while (m.find()) {
            String finding = m.group(1);
            if (declared.contains(finding) || vocabulary.rejected(finding)) {
                continue;
            }
            int at = m.start(1);
            String builtIn = builtIn(finding);
            String near = EnumConstants.closest(finding.toUpperCase(Locale.ROOT), declared);
            String message = "the clinic finding \"" + finding + "\" is not declared in a " + ClinicVocabulary.FILE_NAME
                    + " loaded with the rules, so this condition would never match";
            if (builtIn != null) {
                message += "; " + finding + " is a built-in " + builtIn + ": match it with " + builtInMatch(builtIn, finding);
            } else if (near != null && EnumConstants.near(finding.toUpperCase(Locale.ROOT), near)) {
                message += "; did you mean " + near + "? Declared: " + String.join(", ", declared);
            } else if (!declared.isEmpty()) {
                message += "; declared: " + String.join(", ", declared);
            } else {
                message += "; declare it beside the rule file (" + ClinicVocabulary.FILE_NAME + ", header "
                        + String.join(",", ClinicVocabulary.COLUMNS) + "; a line such as finding," + finding + ",,,\"what it means\")";
            }
            problems.add(new RuleProblem(file.name(), drl.lineOf(at), drl.columnOf(at), message));
        }
    }

    /**
     * The problems of rules read from their text, for files that do not compile: the same
     * metadata, vocabulary and lifecycle checks the compiled rules get, so they come in the same
     * round as the compile errors.
     */
    static void fromText(List<RuleFile> drlFiles, List<RuleFile> all, SourceRegistry sources, ClinicVocabulary vocabulary,
                         List<RuleProblem> problems) {
        Map<String, String[]> ids = new HashMap<>();
        for (RuleFile file : drlFiles) {
            DrlText drl = new DrlText(file.content());
            for (Header h : headers(drl)) {
                String id = h.metadata("id");
                idAndSource(file.name(), h.at(), h.name(), id, h.metadata("source"), sources, all, problems);
                weights(file.name(), h.at(), h.name(), file.content(), problems);
                alerts(file.name(), h.at(), h.name(), file.content(), vocabulary, problems);
                Lifecycle.read(h, file.content(), h.at(), problems, file.name());
                if (id != null) {
                    String[] clash = ids.putIfAbsent(id, new String[] {h.name(), file.name()});
                    if (clash != null) {
                        problems.add(new RuleProblem(file.name(), h.at()[0], h.at()[1], reusedId(h.name(), id, clash[0], clash[1])));
                    }
                }
            }
        }
    }

    /** The message for a rule that reuses another rule's id. */
    static String reusedId(String name, String id, String otherName, String otherFile) {
        return "rule \"" + name + "\" reuses @id(\"" + id + "\") of rule \"" + otherName + "\" in " + otherFile
                + "; to replace that rule, give yours a new id and add @replaces(\"" + id + "\")";
    }

    /** The enum a built-in finding belongs to ({@code Condition}, ...), or null. */
    private static @Nullable String builtIn(String name) {
        for (Class<?> type : EnumConstants.FINDINGS) {
            for (Object value : type.getEnumConstants()) {
                if (((Enum<?>) value).name().equals(name)) {
                    return type.getSimpleName();
                }
            }
        }
        return null;
    }

    private static String builtInMatch(String type, String name) {
        String field = switch (type) {
            case "Condition" -> "conditions";
            case "RedFlag" -> "redFlags";
            default -> "symptoms";
        };
        return "Assessment( " + field + " contains " + type + "." + name + " )";
    }

    /** The directory part of a file name as loaded ({@code rules}, {@code /clinic/rules}); empty when there is none. */
    static String directoryOf(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** A registry line for a free-text source, to copy and complete. */
    private static String exampleEntry(String text) {
        Matcher year = Pattern.compile("\\b(19|20)\\d{2}\\b").matcher(text);
        String title = text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        return slug(text) + ",policy," + title + ",<publisher>," + (year.find() ? year.group() : "") + ",,,,\"<what the rule takes from it>\"";
    }

    /** An id made from free text: lower case words joined by hyphens, at most six words. */
    static String slug(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty() && kept.size() < 6) {
                kept.add(word);
            }
        }
        return kept.isEmpty() ? "my-source" : String.join("-", kept);
    }
}
