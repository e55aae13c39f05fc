package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block in README.md and in the manual (docs/*.md) compiles against the library
 * as it is, with the imports the block itself shows: a reader can copy it. A block of statements is wrapped in a method, a
 * block of methods in a class; a block with its own class is compiled as it is. A block that does
 * not compile fails naming its line in README.md and the compiler's message.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern MEMBER = Pattern.compile(
            "^\\s*(@\\w+.*|(public |protected |private |static |final )*[\\w<>\\[\\], ?]+\\s+\\w+\\s*\\([^;]*\\)\\s*(throws [\\w., ]+)?\\{?\\s*)$");
    private static final Pattern TYPE = Pattern.compile("^\\s*(public |final |abstract )*(class|record|interface|enum)\\s+\\w+.*");

    @TempDir
    static Path classes;

    /** A ```java block: its file, the line of its first line of code, and its lines. */
    record Snippet(String file, int line, List<String> lines) {
        Snippet(int line, List<String> lines) {
            this("README.md", line, lines);
        }
    }

    /** README.md, then docs/*.md by name: the pages whose snippets a reader copies. */
    /** Pages whose blocks a test of their own runs, copied from the page. */
    private static final java.util.Set<String> RUN_BY_THEIR_OWN_TEST = java.util.Set.of("RULE-AUTHORING.md", "COMPACT-ANSWERS.md");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            // Pages run block by block by a test of their own, whose Java blocks need what that test sets up:
            // RULE-AUTHORING.md (RuleAuthoringDocTest; one of its rule files is a 0.1 file shown failing on purpose)
            // and COMPACT-ANSWERS.md (CompactAnswersDocTest).
            docs.filter(p -> p.toString().endsWith(".md") && !RUN_BY_THEIR_OWN_TEST.contains(p.getFileName().toString()))
                    .sorted().forEach(pages::add);
        }
        return pages;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetInTheReadmeAndTheManualCompiles() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (Path page : pages()) {
            String name = page.toString().replace('\\', '/');
            for (Snippet s : javaSnippets(Files.readAllLines(page, StandardCharsets.UTF_8))) {
                snippets.add(new Snippet(name, s.line(), s.lines()));
            }
        }
        assertThat(snippets).as("```java blocks in README.md").anyMatch(s -> s.file().equals("README.md"));
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.file() + " line " + s.line(), () -> compile(s)));
    }

    @Test
    void theMavenBlockNamesTheProjectsVersion() throws IOException {
        Properties properties = new Properties();
        try (var in = SciaticaAdvisor.class.getResourceAsStream("/sciatica-advisor.properties")) {
            properties.load(in);
        }
        String version = properties.getProperty("version");
        String block = """
                <dependency>
                  <groupId>org.sciatica</groupId>
                  <artifactId>sciatica-advisor</artifactId>
                  <version>%s</version>
                </dependency>""".formatted(version);
        if (!Files.readString(README, StandardCharsets.UTF_8).contains(block)) {
            throw new AssertionError("README.md, \"Use it from Maven\", should show the dependency on this version:\n" + block);
        }
    }

    static List<Snippet> javaSnippets(List<String> readme) {
        List<Snippet> snippets = new ArrayList<>();
        List<String> current = null;
        int start = 0;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
                start = i + 2; // README lines count from 1; the code starts on the line after the fence
            } else if (current != null && line.strip().equals("```")) {
                snippets.add(new Snippet(start, current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        if (current != null) {
            throw new AssertionError("README.md line " + (start - 1) + ": a ```java block that is never closed");
        }
        return snippets;
    }

    private static void compile(Snippet snippet) throws IOException {
        String className = "Snippet" + snippet.file().replaceAll("[^A-Za-z0-9]", "_") + "AtLine" + snippet.line();
        // Generated line (index) -> README line, 0 for the lines the wrapper adds.
        List<Integer> origin = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        List<Integer> body = new ArrayList<>();
        for (int i = 0; i < snippet.lines().size(); i++) {
            String line = snippet.lines().get(i);
            if (line.startsWith("import ")) {
                source.append(line).append('\n');
                origin.add(snippet.line() + i);
            } else {
                body.add(i);
            }
        }
        String firstCode = body.stream().map(snippet.lines()::get).filter(l -> !l.isBlank() && !l.strip().startsWith("//"))
                .findFirst().orElse("");
        boolean ownType = body.stream().map(snippet.lines()::get).anyMatch(l -> TYPE.matcher(l).matches());
        boolean members = !ownType && MEMBER.matcher(firstCode).matches();
        if (!ownType) {
            source.append("class ").append(className).append(" {\n");
            origin.add(0);
            if (!members) {
                source.append("void snippet() throws Exception {\n");
                origin.add(0);
            }
        }
        for (int i : body) {
            source.append(snippet.lines().get(i)).append('\n');
            origin.add(snippet.line() + i);
        }
        if (!ownType) {
            source.append(members ? "}\n" : "}\n}\n");
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createDirectories(classes.resolve(className));
        List<String> options = List.of("-proc:none", "-Xlint:none", "-classpath", classPath(), "-d", out.toString());
        boolean compiled = javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        if (!compiled) {
            StringBuilder message = new StringBuilder("The ```java snippet at " + snippet.file() + " line " + snippet.line()
                    + " does not compile:");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                int generated = (int) d.getLineNumber() - 1;
                int line = generated >= 0 && generated < origin.size() ? origin.get(generated) : 0;
                message.append("\n  ").append(snippet.file()).append(" line ").append(line == 0 ? snippet.line() + " (the wrapper)" : String.valueOf(line))
                        .append(": ").append(d.getMessage(Locale.ROOT).lines().map(String::strip)
                                .filter(l -> !l.startsWith("location:")).collect(Collectors.joining("; ")));
            }
            message.append("\nCompiled as:\n").append(source);
            throw new AssertionError(message.toString());
        }
    }

    /** The test class path: Surefire gives it in surefire.test.class.path (java.class.path may be a manifest-only jar). */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isBlank() ? path : System.getProperty("java.class.path", "");
    }
}
