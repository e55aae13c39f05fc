package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.Severity;
import org.sciatica.advisor.WarningCode;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's own vocabulary, declared in {@code vocabulary.csv} beside its rules: findings an
 * assessment may carry in {@code clinicFindings}, and warning codes its rules may raise, each with
 * a severity and the least cautious disposition it allows. Columns
 * {@code kind,name,severity,disposition,description}; {@code kind} is {@code finding} or
 * {@code warning}; a finding leaves severity and disposition empty.
 */
final class ClinicVocabulary {
    static final String FILE_NAME = "vocabulary.csv";
    static final List<String> COLUMNS = List.of("kind", "name", "severity", "disposition", "description");

    /** A declared warning code. */
    record ClinicWarning(String code, Severity severity, Disposition disposition, String description) {
    }

    private final Map<String, String> findings = new LinkedHashMap<>();
    private final Map<String, ClinicWarning> warnings = new LinkedHashMap<>();

    /** Names of declarations that were rejected: a rule using one is not reported again, the row's problem says it. */
    private final Set<String> rejected = new java.util.HashSet<>();

    void read(RuleFile file, List<RuleProblem> problems) {
        CsvTable.read(file, COLUMNS, "a declaration", problems, (row, line) -> {
            try {
                declare(row);
            } catch (IllegalArgumentException e) {
                rejected.add(row.get(1).strip());
                throw e;
            }
        });
    }

    /** True when a declaration of this name was rejected (its problem is already reported). */
    boolean rejected(String name) {
        return rejected.contains(name);
    }

    private void declare(List<String> row) {
        String kind = row.get(0).strip().toLowerCase(Locale.ROOT);
        String name = row.get(1).strip();
        String description = row.get(4).strip();
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("name must be upper case letters, digits and underscores, was \"" + name + "\"");
        }
        if (description.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a description");
        }
        switch (kind) {
            case "finding" -> {
                if (!row.get(2).isBlank() || !row.get(3).isBlank()) {
                    throw new IllegalArgumentException("finding " + name + " takes no severity or disposition");
                }
                String clash = findings.putIfAbsent(name, description);
                if (clash != null && !clash.equals(description)) {
                    throw new IllegalArgumentException("finding " + name + " is already declared differently");
                }
            }
            case "warning" -> {
                if (Arrays.stream(WarningCode.values()).anyMatch(c -> c.name().equals(name))) {
                    throw new IllegalArgumentException("warning " + name + " is a built-in warning code; give the clinic's code another name");
                }
                Severity severity = enumValue("severity", row.get(2), Severity.class);
                Disposition disposition = enumValue("disposition", row.get(3), Disposition.class);
                if ((severity == Severity.REFERRAL) != (disposition == Disposition.REFER)) {
                    throw new IllegalArgumentException("warning " + name
                            + ": severity REFERRAL goes with disposition REFER, and only with it; was " + severity + " with " + disposition);
                }
                ClinicWarning warning = new ClinicWarning(name, severity, disposition, description);
                ClinicWarning clash = warnings.putIfAbsent(name, warning);
                if (clash != null && !clash.equals(warning)) {
                    throw new IllegalArgumentException("warning " + name + " is already declared differently");
                }
            }
            default -> throw new IllegalArgumentException("kind must be finding or warning, was \"" + row.get(0).strip() + "\"");
        }
    }

    private static <E extends Enum<E>> E enumValue(String column, String text, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException(column + " \"" + text.strip() + "\" is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    Set<String> findings() {
        return new TreeSet<>(findings.keySet());
    }

    /** The warning code's clinic declaration, or null for a built-in or unknown code. */
    @Nullable ClinicWarning warning(String code) {
        return warnings.get(code);
    }

    List<String> warningCodes() {
        return new ArrayList<>(warnings.keySet());
    }
}
