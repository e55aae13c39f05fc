package org.sciatica.advisor.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.FunctionError;
import org.drools.compiler.compiler.ImportError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.parser.ParserError;
import org.jspecify.annotations.Nullable;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.jci.CompilationProblem;
import org.sciatica.advisor.RuleProblem;

/**
 * Turns what Drools reports about DRL files into problems a rule author can act on: each at the
 * line and column (1-based) of the mistake, an unknown enum constant named with the allowed ones,
 * and every rule of a file that does not parse checked on its own, so one syntax error does not
 * hide the mistakes of the other rules.
 */
final class CompileProblems {
    /**
     * The line of the Java class Drools generates for a rule where the first line of the rule's
     * action ({@code then} part) lands; a compile error in the action at Java line {@code j} is
     * on DRL line {@code actionLine + j - 9}. Checked by RuleLoadingTest.
     */
    static final int ACTION_FIRST_JAVA_LINE = 9;

    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern ANALYSE = Pattern.compile("^Unable to Analyse Expression (.*)$", Pattern.MULTILINE);
    private static final Pattern IMPORTING = Pattern.compile("'([^']+)'");
    private static final Pattern IMPORTED = Pattern.compile(
            "^(?:Only a type can be imported\\. (\\S+) resolves to a package|The import (\\S+) cannot be resolved)");
    /** The name a Java compile error is about, as the compiler words it. */
    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("^([\\w$]+) cannot be resolved"),
            Pattern.compile("^The (?:method|constructor) ([\\w$]+)\\("),
            Pattern.compile("^The field (?:[\\w$]+\\.)*([\\w$]+) is not visible"),
            Pattern.compile("^(?:Duplicate local variable|The local variable) ([\\w$]+)"),
            Pattern.compile("^Syntax error on token \"([^\"]+)\""));

    private final List<RuleFile> files;
    private final Map<String, DrlText> texts = new HashMap<>();
    private final EnumConstants enums;

    private CompileProblems(List<RuleFile> files, java.util.Set<String> clinicFindings) {
        this.files = files;
        this.enums = new EnumConstants(clinicFindings);
        for (RuleFile file : files) {
            texts.put(file.name(), new DrlText(file.content()));
        }
    }

    /**
     * Every problem in the files, from Drools' errors for all of them compiled together.
     *
     * @param files  the DRL files, in load order
     * @param errors what Drools reported
     * @param clinicFindings the findings the loaded vocabulary declares
     * @return the problems, each with a line and column where the file is known; not yet sorted
     */
    static List<RuleProblem> of(List<RuleFile> files, Iterable<? extends KnowledgeBuilderResult> errors,
                                java.util.Set<String> clinicFindings) {
        return new CompileProblems(files, clinicFindings).collect(errors);
    }

    private List<RuleProblem> collect(Iterable<? extends KnowledgeBuilderResult> errors) {
        Map<String, List<KnowledgeBuilderResult>> byFile = new LinkedHashMap<>();
        for (KnowledgeBuilderResult error : errors) {
            byFile.computeIfAbsent(fileOf(error), f -> new ArrayList<>()).add(error);
        }
        Set<String> unparsed = new HashSet<>();
        byFile.forEach((file, list) -> {
            if (texts.containsKey(file) && list.stream().anyMatch(e -> e.getMessage() != null && e.getMessage().contains(NULL_PACKAGE))) {
                unparsed.add(file);
            }
        });
        List<RuleProblem> problems = new ArrayList<>();
        byFile.forEach((file, list) -> {
            List<RuleProblem> again = unparsed.contains(file) ? ruleByRule(file, unparsed) : null;
            if (again != null) {
                problems.addAll(again);
            } else {
                for (KnowledgeBuilderResult error : list) {
                    problems.addAll(convert(error));
                }
            }
        });
        for (RuleFile file : files) {
            DrlText text = java.util.Objects.requireNonNull(texts.get(file.name()), file.name());
            List<EnumConstants.Unknown> unknown = enums.find(file.name(), text);
            if (!unknown.isEmpty()) {
                problems.removeIf(p -> p.file().equals(file.name()) && sameMistake(p, unknown, text));
                unknown.forEach(u -> problems.add(u.problem()));
            }
        }
        // "Parser returned a null Package" only repeats that a file has syntax errors.
        List<RuleProblem> kept = new ArrayList<>();
        for (RuleProblem p : problems) {
            if (p.message().contains(NEVER_CLOSED) && kept.stream().anyMatch(q -> q.file().equals(p.file())
                    && q.line() == p.line() && q.column() == p.column() && q.message().contains(NEVER_CLOSED))) {
                continue; // the parser's later errors about the same open bracket
            }
            if (p.message().contains(NULL_PACKAGE)) {
                if (problems.stream().anyMatch(q -> q.file().equals(p.file()) && !q.message().contains(NULL_PACKAGE))) {
                    continue;
                }
                kept.add(new RuleProblem(p.file(), Math.max(p.line(), 1), Math.max(p.column(), 1), p.message()));
            } else if (p.message().contains("Only a type can be imported.") && problems.stream().anyMatch(q ->
                    q.file().equals(p.file()) && q.line() == p.line() && q.message().startsWith("Error importing"))) {
                continue; // the Java compiler repeating the import error Drools reported
            } else if (p.message().matches(".*The type Rule_[\\w$]* is already defined") && problems.stream().anyMatch(q ->
                    q.file().equals(p.file()) && q.line() == p.line() && q.message().startsWith("Duplicate rule name"))) {
                continue; // the Java compiler repeating that two rules share a name
            } else {
                kept.add(p);
            }
        }
        kept.replaceAll(CompileProblems::withNewHome);
        return kept;
    }

    /** A name Drools or the Java compiler could not resolve, as it words it. */
    private static final Pattern UNRESOLVED = Pattern.compile(
            "(?:^|\\s)([A-Z][\\w$]*) cannot be resolved|Unable to resolve ObjectType '([A-Z][\\w$]*)'"
                    + "|(?:Error importing : |import )'?org\\.sciatica\\.advisor\\.internal\\.([A-Z][\\w$]*)");

    /**
     * A name that cannot be resolved because the rule vocabulary moved out of
     * {@code org.sciatica.advisor.internal} (where 0.1 rule files imported it from) into
     * {@code org.sciatica.advisor.facts}: the message names the new home and the import to write.
     */
    private static RuleProblem withNewHome(RuleProblem p) {
        Matcher m = UNRESOLVED.matcher(p.message());
        if (!m.find()) {
            return p;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        try {
            Class.forName(FACTS + "." + name, false, CompileProblems.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return p;
        }
        return new RuleProblem(p.file(), p.line(), p.column(), p.message() + "; " + name + " is part of the rule vocabulary in "
                + FACTS + " (rule files written for 0.1 imported it from org.sciatica.advisor.internal, which rule files must"
                + " not use): write import " + FACTS + ".*;");
    }

    private static final String FACTS = "org.sciatica.advisor.facts";

    /**
     * A file that does not parse: its frame (everything but the rules) and then each rule on its
     * own, so every rule's problems are found. Null when that finds no problem at all (then
     * Drools' own errors for the whole file are reported).
     */
    private @Nullable List<RuleProblem> ruleByRule(String file, Set<String> unparsed) {
        DrlText drl = java.util.Objects.requireNonNull(texts.get(file), file);
        List<Resource> context = new ArrayList<>();
        for (RuleFile other : files) {
            if (!other.name().equals(file) && !unparsed.contains(other.name())) {
                context.add(resource(other.name(), java.util.Objects.requireNonNull(texts.get(other.name()), other.name()).frame()));
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<KnowledgeBuilderResult> frameErrors = compileAlone(file, drl.frame(), context);
        boolean frameParses = frameErrors.stream().noneMatch(e -> e instanceof ParserError);
        frameErrors.forEach(e -> problems.addAll(convert(e)));
        // When the frame does not parse, each rule is compiled with only the package, imports and
        // globals: its syntax is checked, but names it takes from the rest of the file may not
        // resolve, so only its syntax errors count.
        String base = frameParses ? drl.frame() : drl.header();
        for (int[] rule : drl.rules()) {
            for (KnowledgeBuilderResult error : compileAlone(file, drl.withRule(base, rule), context)) {
                if (frameParses || error instanceof ParserError) {
                    problems.addAll(convert(error));
                }
            }
        }
        boolean found = problems.stream().anyMatch(p -> !p.message().contains(NULL_PACKAGE));
        return found ? problems : null;
    }

    /** The errors Drools reports for one text compiled with the frames of the other files. */
    private static List<KnowledgeBuilderResult> compileAlone(String file, String text, List<Resource> context) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Resource other : context) {
            batch.add(other, ResourceType.DRL);
        }
        batch.add(resource(file, text), ResourceType.DRL);
        batch.build();
        List<KnowledgeBuilderResult> errors = new ArrayList<>();
        for (KnowledgeBuilderResult error : builder.getErrors()) {
            if (fileOf(error).equals(file)) {
                errors.add(error);
            }
        }
        return errors;
    }

    static Resource resource(String name, String text) {
        Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(name);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    /** True when a Drools problem is its own wording of an unknown enum constant found in the same rule. */
    private static boolean sameMistake(RuleProblem p, List<EnumConstants.Unknown> unknown, DrlText drl) {
        String message = p.message();
        int error = message.indexOf("[Error:");
        int close = error >= 0 ? message.indexOf(']', error) : -1;
        String about = error < 0 ? message : message.substring(error, close < 0 ? message.length() : close);
        for (EnumConstants.Unknown u : unknown) {
            String qualified = u.type().getSimpleName() + "." + u.constant();
            boolean mentions = Pattern.compile("(?<![\\w$])" + Pattern.quote(qualified) + "(?![\\w$])").matcher(about).find()
                    || Pattern.compile("(?<![\\w$])" + Pattern.quote(u.constant()) + " cannot be resolved").matcher(message).find();
            if (mentions && drl.ruleAt(p.line()) == drl.ruleAt(u.problem().line())) {
                return true;
            }
        }
        return false;
    }

    private static String fileOf(KnowledgeBuilderResult error) {
        var message = error.asMessage(0);
        if (message.getPath() != null) {
            return message.getPath();
        }
        return error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath() : "?";
    }

    /** One Drools error as problems: one, or one per Java compile error in a rule's action. */
    private List<RuleProblem> convert(KnowledgeBuilderResult error) {
        String file = fileOf(error);
        DrlText drl = texts.get(file);
        String text = error.getMessage() == null ? "" : error.getMessage();
        int line = firstLine(error);
        if (error instanceof DescrBuildError built && built.getObject() instanceof Object[] compiled
                && compiled.length > 0 && compiled[0] instanceof CompilationProblem first) {
            int at = text.indexOf(first.getMessage());
            String prefix = at > 0 ? text.substring(0, at).strip() + " " : "";
            int declared = built.getDescr() != null && built.getDescr().getLine() > 0 ? built.getDescr().getLine() : line;
            List<RuleProblem> problems = new ArrayList<>();
            for (Object o : compiled) {
                if (!(o instanceof CompilationProblem problem) || !problem.isError()) {
                    continue;
                }
                List<RuleProblem> imported = importProblem(file, prefix + problem.getMessage(), problem.getMessage());
                if (imported != null) {
                    problems.addAll(imported);
                } else {
                    int[] place = drl == null ? new int[] {declared, 0}
                            : javaPlace(drl, error instanceof RuleBuildError, declared, problem);
                    problems.add(problem(file, place[0], place[1], prefix + problem.getMessage(), drl));
                }
            }
            if (!problems.isEmpty()) {
                return problems;
            }
        }
        int column = 0;
        if (error instanceof ParserError parserError) {
            column = parserError.getCol() + 1;
            RuleProblem opened = drl == null ? null : openedAt(file, drl, line, column, text);
            if (opened != null) {
                return List.of(opened);
            }
        } else if (error instanceof ImportError) {
            Matcher name = IMPORTING.matcher(text);
            List<RuleProblem> imported = name.find() ? importAt(file, name.group(1), text) : null;
            if (imported != null) {
                return imported;
            }
        } else if (error instanceof FunctionError function && drl != null) {
            // Drools words it "[ function name (line:12): message ]"; the place is the name the message is about.
            int declared = function.getFunctionDescr() != null && function.getFunctionDescr().getLine() > 0
                    ? function.getFunctionDescr().getLine() : line;
            String token = function.getObject() instanceof Object[] compiled && compiled.length > 0
                    && compiled[0] instanceof CompilationProblem first ? token(first.getMessage()) : null;
            int at = token == null || declared <= 0 ? -1 : drl.findWord(token, drl.lineStart(declared), drl.text().length());
            line = at >= 0 ? drl.lineOf(at) : declared;
            column = at >= 0 ? drl.columnOf(at) : 0;
        } else if (error instanceof DescrBuildError built) {
            int[] place = descrPlace(built, text, drl);
            line = place[0];
            column = place[1];
        }
        return List.of(problem(file, line, column, text, drl));
    }

    /** How a syntax error moved to where its bracket or quote was opened begins. */
    static final String NEVER_CLOSED = " opened here is never closed";

    /**
     * A syntax error caused by a bracket or quote its rule never closes, reported where that bracket
     * or quote opened (the parser notices only later, often at {@code then}); null when every
     * bracket and quote of the rule before the error is closed.
     */
    private static @Nullable RuleProblem openedAt(String file, DrlText drl, int line, int column, String text) {
        if (line <= 0 || line > drl.lineCount()) {
            return null;
        }
        int[] rule = drl.ruleAt(line);
        if (rule == null) {
            return null;
        }
        int at = drl.unclosed(drl.lineStart(rule[0]), drl.lineEnd(rule[1]));
        int error = Math.min(drl.lineStart(line) + Math.max(column - 1, 0), drl.lineEnd(line));
        if (at < 0 || at > error) {
            return null;
        }
        char opener = drl.text().charAt(at);
        String what = opener == '"' || opener == '\'' ? "the quote " + opener : "\"" + opener + "\"";
        return new RuleProblem(file, drl.lineOf(at), drl.columnOf(at), what + NEVER_CLOSED
                + (opener == '"' || opener == '\'' ? " on its line" : "") + " (the parser stopped at line " + line + ": "
                + oneLine(text) + ")");
    }

    private static RuleProblem problem(String file, int line, int column, String text, @Nullable DrlText drl) {
        if (text.contains(NULL_PACKAGE)) {
            return new RuleProblem(file, 0, 0, oneLine(text)); // placed, or dropped, once all problems are known
        }
        int l = Math.max(line, 1);
        int c = column > 0 ? column : drl != null && l <= drl.lineCount() ? drl.firstColumn(l) : 1;
        return new RuleProblem(file, l, c, oneLine(text));
    }

    private static int firstLine(KnowledgeBuilderResult error) {
        int line = error.asMessage(0).getLine();
        if (line <= 0 && error.getLines() != null && error.getLines().length > 0) {
            line = error.getLines()[0];
        }
        return line;
    }

    /**
     * Where a condition's error is: the expression Drools could not analyse, searched from the
     * pattern's line (or the rule's, when Drools kept no line) to the rule's end.
     */
    private static int[] descrPlace(DescrBuildError error, String text, @Nullable DrlText drl) {
        BaseDescr descr = error.getDescr();
        BaseDescr parent = error.getParentDescr();
        int line = descr != null && descr.getLine() > 0 ? descr.getLine() : -1;
        int column = line > 0 && descr.getColumn() >= 0 ? descr.getColumn() + 1 : 0;
        int ruleLine = parent != null && parent.getLine() > 0 ? parent.getLine() : firstLine(error);
        Matcher analyse = ANALYSE.matcher(text);
        if (drl != null && analyse.find()) {
            String expression = analyse.group(1).strip();
            if (expression.endsWith(":")) {
                expression = expression.substring(0, expression.length() - 1);
            }
            int start = line > 0 ? line : ruleLine;
            if (start > 0 && start <= drl.lineCount()) {
                int[] rule = drl.ruleAt(start);
                int to = rule != null ? drl.lineEnd(rule[1]) : drl.text().length();
                int at = drl.findExpression(expression, drl.lineStart(start), to);
                if (at >= 0) {
                    return new int[] {drl.lineOf(at), drl.columnOf(at)};
                }
            }
        }
        return line > 0 ? new int[] {line, column} : new int[] {ruleLine, 0};
    }

    /**
     * Where a Java compile error in a rule's action is: the generated class's line mapped back to
     * the action's line, then the name the error is about on that line.
     */
    private static int[] javaPlace(DrlText drl, boolean ruleAction, int declared, CompilationProblem problem) {
        int[] rule = declared > 0 ? drl.ruleAt(declared) : null;
        int line = -1;
        if (ruleAction && rule != null && problem.getStartLine() >= ACTION_FIRST_JAVA_LINE) {
            int action = drl.actionStart(rule);
            int mapped = action < 0 ? -1 : drl.lineOf(action) + problem.getStartLine() - ACTION_FIRST_JAVA_LINE;
            if (action >= 0 && mapped <= rule[1]) {
                line = mapped;
            }
        }
        String message = problem.getMessage();
        String token = token(message);
        if (token != null) {
            int from = line > 0 ? drl.lineStart(line) : rule != null ? drl.lineStart(rule[0]) : drl.lineStart(Math.max(declared, 1));
            int to = line > 0 ? drl.lineEnd(line) : rule != null ? drl.lineEnd(rule[1]) : drl.text().length();
            int at = token.matches("[\\w$]+") ? drl.findWord(token, from, to) : drl.findText(token, from, to);
            if (at >= 0) {
                return new int[] {drl.lineOf(at), drl.columnOf(at)};
            }
        }
        int action = rule != null ? drl.actionStart(rule) : -1;
        if (line > 0 && action >= 0 && drl.lineOf(action) == line) {
            return new int[] {line, drl.columnOf(action)};
        }
        return line > 0 ? new int[] {line, 0} : new int[] {declared, 0};
    }

    /**
     * A Java compile error about an import ({@code Only a type can be imported. x.Y resolves to a
     * package}) at the import itself: in this file, or in the file of the same package that has it
     * (Drools compiles every rule of a package with all of the package's imports). Null for other errors.
     */
    private @Nullable List<RuleProblem> importProblem(String file, String text, String message) {
        Matcher imported = IMPORTED.matcher(message);
        if (!imported.find()) {
            return null;
        }
        return importAt(file, imported.group(1) != null ? imported.group(1) : imported.group(2), text);
    }

    /**
     * A problem with an import, at the {@code import} that names it: in this file, or in another
     * file (of the same package). None for an import Drools made itself for a DRL function
     * ({@code org.clinic.rules.Shout.shout}): that only fails when the function does not compile,
     * which is reported at the function. Null when the import is nowhere.
     */
    private @Nullable List<RuleProblem> importAt(String file, String name, String text) {
        List<String> names = new ArrayList<>();
        names.add(file);
        files.forEach(f -> names.add(f.name()));
        String last = name.substring(name.lastIndexOf('.') + 1);
        for (String candidate : names) {
            DrlText drl = texts.get(candidate);
            if (drl == null) {
                continue;
            }
            int at = drl.findExpression("import " + name, 0, drl.text().length());
            if (at >= 0) {
                return List.of(new RuleProblem(candidate, drl.lineOf(at), drl.columnOf(at), oneLine(text)));
            }
        }
        for (String candidate : names) {
            DrlText drl = texts.get(candidate);
            if (drl != null && Pattern.compile("\\bfunction\\s[^;{]*?(?<![\\w$])(?i:" + Pattern.quote(last) + ")\\s*\\(")
                    .matcher(drl.bare()).find()) {
                return List.of();
            }
        }
        return null;
    }

    private static @Nullable String token(String message) {
        for (Pattern pattern : TOKENS) {
            Matcher m = pattern.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * The message on one line: Drools' own lines joined, without the caret line and the
     * {@code [Line: 9, Column: 4]} that MVEL adds (they point into Drools' copy of the expression, or
     * at the pattern; the problem's own line and column are the place).
     */
    static String oneLine(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.equals("^") && !l.matches("\\[Line: \\d+, Column: \\d+\\]")) {
                lines.add(l);
            }
        }
        return String.join(" ", lines);
    }
}
