package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.Source;
import org.jspecify.annotations.Nullable;

/**
 * The sources registry: every {@code sources.csv} loaded with the rules, merged. Columns
 * {@code id,kind,title,publisher,year,url,takes}; RFC 4180 quoting. The same id in two files is
 * fine when the entries are identical (a copy of {@code rules/}), a load problem otherwise.
 */
final class SourceRegistry {
    static final String FILE_NAME = "sources.csv";
    static final List<String> COLUMNS = List.of("id", "kind", "title", "publisher", "year", "url", "takes");
    /** What a source id looks like: lower case letters, digits and hyphens. */
    static final String ID = "[a-z0-9][a-z0-9-]*";

    private final Map<String, Source> byId = new LinkedHashMap<>();
    private final Map<String, String> fileOf = new LinkedHashMap<>();
    /** Ids of rows that were rejected: a rule citing one is not reported again, the row's problem says it. */
    private final java.util.Set<String> rejected = new java.util.HashSet<>();

    /** Reads one registry file into this registry; every problem goes to {@code problems}. */
    void read(RuleFile file, List<RuleProblem> problems) {
        CsvTable.read(file, COLUMNS, "a source", problems, (row, line) -> {
            Source source;
            try {
                source = toSource(row);
            } catch (IllegalArgumentException e) {
                rejected.add(row.get(0).strip());
                throw e;
            }
            Source clash = byId.get(source.id());
            if (clash != null && !clash.equals(source)) {
                throw new IllegalArgumentException("source id \"" + source.id() + "\" is already defined differently in "
                        + fileOf.get(source.id()) + "; give this entry another id");
            } else if (clash == null) {
                byId.put(source.id(), source);
                fileOf.put(source.id(), file.name());
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
        String url = row.get(5).strip();
        if (url.isEmpty()) {
            url = null;
        } else if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("url of source " + id + " must start with https:// or http://, was \"" + url + "\"");
        }
        String takes = required("takes", id, row.get(6));
        return new Source(id, kind, title, publisher, year, url, takes);
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
