package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.Source;
import org.jspecify.annotations.Nullable;

/**
 * The sources registry: every {@code sources.csv} loaded with the rules, merged. Columns
 * {@code id,kind,title,publisher,year,url,locator,background,takes}; RFC 4180 quoting. A file with
 * the earlier header {@code id,kind,title,publisher,year,url,takes} still loads (no locator, not
 * background): enough for policy entries, while a citation there fails for want of a locator.
 * Every citation (an entry that is not a policy) needs an https address or a DOI and a locator;
 * a policy needs its rationale. {@code background} is {@code yes} for an entry kept for the
 * reasoning of others (a policy builds on it) rather than cited by a rule, empty otherwise. The
 * same id in two files is fine when the entries are identical (a copy of {@code rules/}), a load
 * problem otherwise.
 */
final class SourceRegistry {
    static final String FILE_NAME = "sources.csv";
    static final List<String> COLUMNS = List.of("id", "kind", "title", "publisher", "year", "url", "locator", "background",
            "takes");
    /** The header before locators (version 2 of the registry). */
    private static final List<String> COLUMNS_WITHOUT_LOCATOR = List.of("id", "kind", "title", "publisher", "year", "url",
            "takes");
    private static final String DOI_RESOLVER = "https://doi.org/";
    /** What a source id looks like: lower case letters, digits and hyphens. */
    static final String ID = "[a-z0-9][a-z0-9-]*";

    private final Map<String, Source> byId = new LinkedHashMap<>();
    private final Map<String, String> fileOf = new LinkedHashMap<>();
    private final Set<String> background = new HashSet<>();
    /** Ids of rows that were rejected: a rule citing one is not reported again, the row's problem says it. */
    private final Set<String> rejected = new HashSet<>();

    /** Reads one registry file into this registry; every problem goes to {@code problems}. */
    void read(RuleFile file, List<RuleProblem> problems) {
        boolean withoutLocator = file.content().lines().findFirst()
                .map(header -> header.strip().equals(String.join(",", COLUMNS_WITHOUT_LOCATOR))).orElse(false);
        CsvTable.read(file, withoutLocator ? COLUMNS_WITHOUT_LOCATOR : COLUMNS, "a source", problems, (cells, line) -> {
            List<String> row = withoutLocator
                    ? List.of(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), "", "", cells.get(6))
                    : cells;
            Source source;
            try {
                source = toSource(row);
            } catch (IllegalArgumentException e) {
                rejected.add(row.get(0).strip());
                throw e;
            }
            boolean isBackground = isBackground(source.id(), row.get(7));
            Source clash = byId.get(source.id());
            if (clash != null && !clash.equals(source)) {
                throw new IllegalArgumentException("source id \"" + source.id() + "\" is already defined differently in "
                        + fileOf.get(source.id()) + "; give this entry another id");
            } else if (clash == null) {
                byId.put(source.id(), source);
                fileOf.put(source.id(), file.name());
                if (isBackground) {
                    background.add(source.id());
                }
            }
        });
    }

    private static Source toSource(List<String> row) {
        String id = row.get(0).strip();
        if (!id.matches(ID)) {
            throw new IllegalArgumentException("source id must be lower case letters, digits and hyphens, was \"" + id + "\"");
        }
        Source.Kind kind = kind(row.get(1).strip());
        String title = required("title", id, row.get(2));
        String publisher = required("publisher", id, row.get(3));
        String yearText = row.get(4).strip();
        Integer year = null;
        if (!yearText.isEmpty()) {
            if (!yearText.matches("\\d{4}")) {
                throw new IllegalArgumentException("year of source " + id + " must be four digits or empty, was \"" + yearText + "\"");
            }
            year = Integer.valueOf(yearText);
        }
        String url = url(id, row.get(5).strip());
        String locator = row.get(6).strip().isEmpty() ? null : row.get(6).strip();
        if (kind == Source.Kind.POLICY) {
            String rationale = row.get(8);
            if (rationale.isBlank()) {
                throw new IllegalArgumentException("policy " + id + " needs its rationale in the takes column: why the product"
                        + " decides so, and which publications, if any, it builds on");
            }
            return new Source(id, kind, title, publisher, year, url, locator, rationale.strip());
        }
        if (url == null) {
            throw new IllegalArgumentException("source " + id + " (kind " + kind.label() + ") needs an https:// address or a DOI"
                    + " in the url column; only a policy has none");
        }
        if (locator == null) {
            throw new IllegalArgumentException("source " + id + " (kind " + kind.label() + ") needs a locator: where in the"
                    + " source its claim stands, for example \"recommendation 1.2.7\", \"section 'Red flags'\" or \"Table 1\"");
        }
        String takes = required("takes", id, row.get(8));
        return new Source(id, kind, title, publisher, year, url, locator, takes);
    }

    /** The address as given (https), a DOI as its https resolver link, or null when empty. */
    private static @Nullable String url(String id, String text) {
        if (text.isEmpty()) {
            return null;
        }
        String doi = text.regionMatches(true, 0, "doi:", 0, 4) ? text.substring(4).strip() : text;
        if (doi.matches("10\\.\\d{4,9}/\\S+")) {
            return DOI_RESOLVER + doi;
        }
        if (!text.startsWith("https://") || text.length() == "https://".length()) {
            throw new IllegalArgumentException("url of source " + id + " must be an https:// address or a DOI (10.xxxx/...),"
                    + " was \"" + text + "\"" + (text.startsWith("http://") ? "; use the publisher's https address" : ""));
        }
        return text;
    }

    private static boolean isBackground(String id, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "" -> false;
            case "yes" -> true;
            default -> throw new IllegalArgumentException("background of source " + id + " must be yes or empty, was \""
                    + text.strip() + "\"");
        };
    }

    private static Source.Kind kind(String text) {
        for (Source.Kind kind : Source.Kind.values()) {
            if (kind.label().equals(text.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind \"" + text + "\" is not one of "
                + Arrays.stream(Source.Kind.values()).map(Source.Kind::label).collect(Collectors.joining(", ")));
    }

    private static String required(String column, String id, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(column + " of source " + id + " must not be empty");
        }
        return value.strip();
    }

    /** The entry with this id, or null. */
    @Nullable Source get(String id) {
        return byId.get(id);
    }

    /** Every entry, in the order read. */
    java.util.Collection<Source> entries() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    /**
     * Whether an entry is marked as background: kept for the reasoning of other entries rather
     * than cited by a rule.
     */
    boolean isBackground(String id) {
        return background.contains(id);
    }

    /** True when a row with this id was rejected (its problem is already reported). */
    boolean rejected(String id) {
        return rejected.contains(id);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }
}
