package org.sciatica.advisor.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.jspecify.annotations.Nullable;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.RuleStatus;

/**
 * A rule's lifecycle metadata: {@code @status("draft"|"active"|"retired")}, {@code @reviewed},
 * {@code @effective} and {@code @expiry} dates written {@code YYYY-MM-DD} ({@code @expiry}, not
 * {@code @expires}: Drools reads {@code @expires} as its event-expiration annotation). A bad value is a load
 * problem at the metadata's own line and column.
 *
 * <p>Drools' own {@code date-effective} and {@code date-expires} attributes are refused: they are
 * checked against the rule session's clock (the wall clock), not the date an answer is given as
 * of, in a JVM-wide date format ({@code drools.dateformat}, {@code d-MMM-yyyy} by default, month
 * names in the JVM's language) and in the JVM's time zone.
 */
final class Lifecycle {
    /** What the metadata says; a rule without {@code @status} is active. */
    record Read(RuleStatus status, @Nullable LocalDate reviewed, @Nullable LocalDate effective, @Nullable LocalDate expiry) {
    }

    /**
     * What the lifecycle checks read of a rule: its name, its metadata and whether it uses Drools'
     * date attributes or {@code @expires}. From the compiled rule, or from the rule's text when its
     * file does not compile (so these problems come in the same round as the compile errors).
     */
    interface Meta {
        String name();

        @Nullable String metadata(String key);

        boolean dateEffective();

        boolean dateExpires();

        boolean expiresAnnotation();

        static Meta of(RuleImpl rule) {
            return new Meta() {
                @Override
                public String name() {
                    return rule.getName();
                }

                @Override
                public @Nullable String metadata(String key) {
                    return RuleBase.metadata(rule, key);
                }

                @Override
                public boolean dateEffective() {
                    return rule.getDateEffective() != null;
                }

                @Override
                public boolean dateExpires() {
                    return rule.getDateExpires() != null;
                }

                @Override
                public boolean expiresAnnotation() {
                    return rule.getMetaData().containsKey("org.kie.api.definition.type.Expires");
                }
            };
        }
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Lifecycle() {
    }

    /**
     * The lifecycle of one rule, or null when its metadata has problems (added to {@code problems}).
     *
     * @param rule     the compiled rule
     * @param content  the text of its file
     * @param declared the line and column of its declaration
     * @param problems where problems go
     * @param file     the file name, for problems
     */
    static @Nullable Read read(RuleImpl rule, String content, int[] declared, List<RuleProblem> problems, String file) {
        Meta compiled = Meta.of(rule);
        // The executable model drops @expires (an event annotation) from the metadata: read it from the text too.
        boolean expires = compiled.expiresAnnotation() || position(content, declared, "expires", true) != declared;
        return read(new Meta() {
            @Override
            public String name() {
                return compiled.name();
            }

            @Override
            public @Nullable String metadata(String key) {
                return compiled.metadata(key);
            }

            @Override
            public boolean dateEffective() {
                return compiled.dateEffective();
            }

            @Override
            public boolean dateExpires() {
                return compiled.dateExpires();
            }

            @Override
            public boolean expiresAnnotation() {
                return expires;
            }
        }, content, declared, problems, file);
    }

    /** As {@link #read(RuleImpl, String, int[], List, String)}, from what is known of the rule. */
    static @Nullable Read read(Meta rule, String content, int[] declared, List<RuleProblem> problems, String file) {
        int before = problems.size();
        String name = rule.name();
        for (String attribute : List.of("date-effective", "date-expires")) {
            boolean used = attribute.equals("date-effective") ? rule.dateEffective() : rule.dateExpires();
            if (used) {
                int[] at = position(content, declared, attribute, false);
                problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" uses the Drools attribute " + attribute
                        + "; write @" + (attribute.equals("date-effective") ? "effective" : "expiry")
                        + "(\"YYYY-MM-DD\") instead: " + attribute + " follows the rule session's clock, not the date an answer is"
                        + " given as of"));
            }
        }
        if (rule.expiresAnnotation()) {
            int[] at = position(content, declared, "expires", true);
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" has @expires, which Drools keeps for events;"
                    + " write @expiry(\"YYYY-MM-DD\"), the first day the rule no longer applies"));
        }
        @Nullable RuleStatus status = RuleStatus.ACTIVE;
        String statusText = rule.metadata("status");
        if (statusText != null) {
            status = Arrays.stream(RuleStatus.values()).filter(s -> s.label().equals(statusText)).findFirst().orElse(null);
            if (status == null) {
                int[] at = position(content, declared, "status", true);
                String allowed = Arrays.stream(RuleStatus.values()).map(s -> "\"" + s.label() + "\"").collect(Collectors.joining(", "));
                String hint = Arrays.stream(RuleStatus.values()).filter(s -> s.label().equalsIgnoreCase(statusText.strip()))
                        .map(s -> "did you mean \"" + s.label() + "\"? ").findFirst().orElse("");
                problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" has @status(\"" + statusText
                        + "\"), which is not a status; " + hint + "allowed: " + allowed));
            }
        }
        LocalDate reviewed = date(rule, "reviewed", content, declared, problems, file);
        LocalDate effective = date(rule, "effective", content, declared, problems, file);
        LocalDate expiry = date(rule, "expiry", content, declared, problems, file);
        if (effective != null && expiry != null && !expiry.isAfter(effective)) {
            int[] at = position(content, declared, "expiry", true);
            problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + name + "\" has @expiry(\"" + expiry
                    + "\") on or before its @effective(\"" + effective + "\"); it would never apply (@expiry is the first day"
                    + " the rule no longer applies)"));
        }
        return problems.size() > before || status == null ? null : new Read(status, reviewed, effective, expiry);
    }

    private static @Nullable LocalDate date(Meta rule, String key, String content, int[] declared,
                                            List<RuleProblem> problems, String file) {
        String text = rule.metadata(key);
        if (text == null) {
            return null;
        }
        String problem = null;
        if (!ISO_DATE.matcher(text).matches()) {
            problem = "which is not a date written YYYY-MM-DD (for example @" + key + "(\"2026-11-28\"))";
        } else {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem = "which is not a date in the calendar";
            }
        }
        int[] at = position(content, declared, key, true);
        problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + rule.name() + "\" has @" + key + "(\"" + text + "\"), "
                + problem));
        return null;
    }

    /**
     * Where {@code @key} (metadata) or {@code key} (an attribute) is written in the rule's header,
     * between its declaration and {@code when}; the declaration itself when it cannot be found.
     */
    static int[] position(String content, int[] declared, String key, boolean metadata) {
        if (declared[0] <= 0) {
            return declared;
        }
        String[] lines = Lines.of(content);
        Pattern pattern = Pattern.compile((metadata ? "@" : "(?<![\\w-])") + Pattern.quote(key) + "(?![\\w-])");
        Pattern when = Pattern.compile("^\\s*(?:when|then)\\b");
        for (int l = declared[0] - 1; l < lines.length; l++) {
            String line = l == declared[0] - 1 ? lines[l].substring(Math.min(lines[l].length(), Math.max(0, declared[1] - 1))) : lines[l];
            int offset = l == declared[0] - 1 ? Math.max(0, declared[1] - 1) : 0;
            if (l > declared[0] - 1 && when.matcher(line).find()) {
                break;
            }
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return new int[] {l + 1, offset + m.start() + 1};
            }
        }
        return declared;
    }
}
