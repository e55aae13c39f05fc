package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The text of one DRL file with what error reporting needs: where each line starts, the text with
 * comments (and string contents) blanked out so a search finds only code, and the blocks of its
 * rules. Lines and columns are 1-based, as problems are reported.
 */
final class DrlText {
    /** A line that starts a rule: {@code rule "name"} or {@code rule name}. */
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule(?:\\s+[A-Za-z_$]|\\s*[\"'])");
    /** A line that starts anything at the top level of a file; it ends the rule before it. */
    private static final Pattern TOP_LEVEL = Pattern.compile(
            "^\\s*(?:rule|query|declare|function|global|import|package|unit)(?:\\s|$)");
    private static final Pattern HEADER_STATEMENT = Pattern.compile("^\\s*(?:package|import|global)\\s");

    private final String text;
    /** Comments blanked; strings kept. */
    private final String code;
    /** Comments and the contents of strings blanked; the quotes are kept. */
    private final String bare;
    private final int[] lineStarts;
    private final List<int[]> rules;
    /** For each line (index 0 unused), the index of the rule holding it, or -1. */
    private final int[] ruleOfLine;

    DrlText(String text) {
        this.text = text;
        this.code = mask(text, false);
        this.bare = mask(text, true);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.rules = findRules();
        this.ruleOfLine = new int[lineStarts.length + 1];
        java.util.Arrays.fill(ruleOfLine, -1);
        for (int r = 0; r < rules.size(); r++) {
            for (int l = rules.get(r)[0]; l <= rules.get(r)[1]; l++) {
                ruleOfLine[l] = r;
            }
        }
    }

    String text() {
        return text;
    }

    /** The text with comments blanked; strings kept, at the same offsets. */
    String code() {
        return code;
    }

    /**
     * The first bracket or quote between the offsets that is opened and never closed, as the
     * offset of its opening character; -1 when every one is closed. A quote is closed on its own
     * line; a bracket closed by the wrong kind of bracket counts as never closed. Where two
     * brackets are left open, the innermost (the one opened last) is the one reported.
     */
    int unclosed(int from, int to) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        int i = Math.max(0, from);
        int end = Math.min(to, text.length());
        while (i < end) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < end && code.charAt(j) != c && code.charAt(j) != '\n' && code.charAt(j) != '\r') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= end || code.charAt(j) != c) {
                    return i;
                }
                i = j + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(i);
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty()) {
                    i++;
                    continue;
                }
                char opener = code.charAt(open.peek());
                if (opener == (c == ')' ? '(' : c == ']' ? '[' : '{')) {
                    open.pop();
                } else {
                    return open.peek();
                }
            }
            i++;
        }
        return open.isEmpty() ? -1 : open.peek();
    }

    /** The text with comments and string contents blanked: only code is left, at the same offsets. */
    String bare() {
        return bare;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The 1-based column of an offset. */
    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The offset of a 1-based line's first character. */
    int lineStart(int line) {
        return lineStarts[Math.max(1, Math.min(line, lineStarts.length)) - 1];
    }

    /** The offset just past a 1-based line's last character (before its line break). */
    int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The text of a 1-based line, without its line break. */
    String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** The column of the line's first non-blank character, or 1 for a blank line. */
    int firstColumn(int line) {
        String l = line(line);
        for (int i = 0; i < l.length(); i++) {
            if (!Character.isWhitespace(l.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * Each rule as {first line, last line}: from its {@code rule} line to the line before the next
     * top-level keyword (rule, query, declare, function, global, import, package), in file order.
     */
    List<int[]> rules() {
        return rules;
    }

    /** The rule block holding a line, or null when the line is outside every rule. */
    int @Nullable [] ruleAt(int line) {
        return line >= 1 && line <= lineStarts.length && ruleOfLine[line] >= 0 ? rules.get(ruleOfLine[line]) : null;
    }

    private List<int[]> findRules() {
        List<int[]> found = new ArrayList<>();
        int start = -1;
        for (int l = 1; l <= lineStarts.length; l++) {
            String line = bare.substring(lineStart(l), lineEnd(l));
            boolean ruleStart = RULE_START.matcher(line).find();
            if (start > 0 && (ruleStart || TOP_LEVEL.matcher(line).find())) {
                found.add(new int[] {start, l - 1});
                start = -1;
            }
            if (ruleStart) {
                start = l;
            }
        }
        if (start > 0) {
            found.add(new int[] {start, lineStarts.length});
        }
        return found;
    }

    /**
     * The file with every rule blanked (lines kept, so line numbers stay right): its package,
     * imports, globals, declarations, functions and queries.
     */
    String frame() {
        return keep(l -> ruleAt(l) == null);
    }

    /** Only the package, import and global statements outside the rules, the rest blanked. */
    String header() {
        return keep(l -> ruleAt(l) == null && HEADER_STATEMENT.matcher(bare.substring(lineStart(l), lineEnd(l))).find());
    }

    /**
     * {@code base} (a {@link #frame()} or {@link #header()}) with one rule's lines put back: the
     * rule compiles on its own and its problems keep their lines. Trailing blank lines are cut, so
     * a rule missing its {@code end} is reported where it stops, not at the end of the file.
     */
    String withRule(String base, int[] rule) {
        String[] baseLines = base.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int l = 1; l <= lineStarts.length; l++) {
            if (l >= rule[0] && l <= rule[1]) {
                out.append(line(l));
            } else if (l <= baseLines.length) {
                out.append(baseLines[l - 1]);
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private String keep(java.util.function.IntPredicate keepLine) {
        StringBuilder out = new StringBuilder();
        for (int l = 1; l <= lineStarts.length; l++) {
            if (keepLine.test(l)) {
                out.append(line(l));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The offset where the action ({@code then} part) of the rule starts, or -1. */
    int actionStart(int[] rule) {
        Matcher then = Pattern.compile("\\bthen\\b").matcher(bare);
        then.region(lineStart(rule[0]), lineEnd(rule[1]));
        if (!then.find()) {
            return -1;
        }
        int at = then.end();
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /**
     * The first place from {@code from} up to {@code to} where the expression is written, ignoring
     * comments and how it is spaced; -1 when it is not there.
     */
    int findExpression(String expression, int from, int to) {
        String[] parts = expression.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return -1;
        }
        StringBuilder regex = new StringBuilder();
        for (String part : parts) {
            if (!regex.isEmpty()) {
                regex.append("\\s*");
            }
            regex.append(Pattern.quote(part));
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(code);
        m.region(Math.max(0, from), Math.min(code.length(), Math.max(from, to)));
        return m.find() ? m.start() : -1;
    }

    /** The first place from {@code from} up to {@code to} where the word is written in code; -1 when absent. */
    int findWord(String word, int from, int to) {
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(bare);
        m.region(Math.max(0, from), Math.min(bare.length(), Math.max(from, to)));
        return m.find() ? m.start() : -1;
    }

    /** The first place from {@code from} up to {@code to} where the text is written outside comments; -1 when absent. */
    int findText(String piece, int from, int to) {
        int at = code.indexOf(piece, Math.max(0, from));
        return at >= 0 && at + piece.length() <= to ? at : -1;
    }

    /**
     * The text with comments blanked and, when {@code strings}, the contents of string and
     * character literals too (the quotes stay). Line breaks are kept, so offsets, lines and columns
     * are those of the original text.
     */
    static String mask(String text, boolean strings) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                        if (strings) {
                            out.setCharAt(i, ' ');
                        }
                        i++;
                    }
                    if (strings) {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < n && text.charAt(i) == c) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
