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
    private static final List<String> COLUMNS = List.of("id", "kind", "title", "publisher", "year", "url", "takes");

    private final Map<String, Source> byId = new LinkedHashMap<>();
    private final Map<String, String> fileOf = new LinkedHashMap<>();

    /** Reads one registry file into this registry; every problem goes to {@code problems}. */
    void read(RuleFile file, List<RuleProblem> problems) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(file.content());
        } catch (Csv.CsvException e) {
            problems.add(new RuleProblem(file.name(), e.line, 1, String.valueOf(e.getMessage())));
            return;
        }
        if (rows.isEmpty() || !rows.get(0).equals(COLUMNS)) {
            problems.add(new RuleProblem(file.name(), 1, 1, "the header must be exactly " + String.join(",", COLUMNS)
                    + (rows.isEmpty() ? ", the file is empty" : ", was " + String.join(",", rows.get(0)))));
            return;
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = Csv.lineOf(file.content(), i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                problems.add(new RuleProblem(file.name(), line, 1, "a source needs " + COLUMNS.size()
                        + " columns (" + String.join(",", COLUMNS) + "), this row has " + row.size()));
                continue;
            }
            try {
                Source source = toSource(row);
                Source clash = byId.get(source.id());
                if (clash != null && !clash.equals(source)) {
                    problems.add(new RuleProblem(file.name(), line, 1, "source id \"" + source.id()
                            + "\" is already defined differently in " + fileOf.get(source.id())
                            + "; give this entry another id"));
                } else if (clash == null) {
                    byId.put(source.id(), source);
                    fileOf.put(source.id(), file.name());
                }
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file.name(), line, 1, String.valueOf(e.getMessage())));
            }
        }
    }

    private static Source toSource(List<String> row) {
        String id = row.get(0).strip();
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
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

    boolean isEmpty() {
        return byId.isEmpty();
    }

    List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    /** A minimal RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes. */
    static final class Csv {
        private Csv() {
        }

        static final class CsvException extends Exception {
            private static final long serialVersionUID = 1L;
            final int line;

            CsvException(int line, String message) {
                super(message);
                this.line = line;
            }
        }

        static List<List<String>> parse(String text) throws CsvException {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int line = 1;
            int quoteLine = 0;
            String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"') {
                    if (field.length() > 0) {
                        throw new CsvException(line, "a quote inside an unquoted field; quote the whole field and double the inner quotes");
                    }
                    quoted = true;
                    quoteLine = line;
                    any = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                    line++;
                } else {
                    field.append(c);
                    any = true;
                }
            }
            if (quoted) {
                throw new CsvException(quoteLine, "a quoted field is never closed");
            }
            if (any || field.length() > 0) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }

        /** The 1-based line on which row {@code index} starts (rows may span lines inside quotes). */
        static int lineOf(String text, int index) {
            int line = 1;
            int row = 0;
            boolean quoted = false;
            for (int i = 0; i < text.length() && row < index; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n') {
                    line++;
                    if (!quoted) {
                        row++;
                    }
                }
            }
            return line;
        }
    }
}
