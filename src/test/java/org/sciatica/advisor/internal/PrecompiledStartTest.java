package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinic's rules precompiled in its build load no compiler at run time: the command line, in a
 * JVM of its own with {@code -Xlog:class+load}, answers with the bundled rules and the example
 * clinic's precompiled rules without loading a class of the DRL parser, the knowledge builder, a
 * Java compiler (Eclipse's or javac) or MVEL's compiler; the same rules uncompiled do load them.
 */
class PrecompiledStartTest {
    /** What compiling DRL loads: the parser, the knowledge builder, the Java and MVEL compilers. */
    private static final List<String> COMPILER = List.of("org.eclipse.jdt.", "org.drools.drl.parser.",
            "org.drools.compiler.builder.impl.KnowledgeBuilderImpl ", "org.drools.compiler.compiler.", "org.drools.mvel.builder.", "org.mvel2.compiler.",
            "org.kie.memorycompiler.JavaCompiler", "org.kie.memorycompiler.KieMemoryCompiler", "org.kie.memorycompiler.jdknative.",
            "com.sun.tools.javac.", "javax.tools.");

    @TempDir
    Path temp;

    @Test
    void precompiledClinicRulesLoadNoCompiler() throws Exception {
        Path rules = temp.resolve("clinic-rules");
        ModelGenerator.precompile(Path.of("src/it/clinic-rules/rules"), rules);
        Run run = cli(rules);
        assertThat(run.err()).as("standard error").isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.classes()).as("classes loaded").hasSizeGreaterThan(1000)
                .noneMatch(c -> COMPILER.stream().anyMatch(c::startsWith));
    }

    @Test
    void theSameRulesUncompiledLoadTheCompiler() throws Exception {
        Run run = cli(Path.of("src/it/clinic-rules/rules"));
        assertThat(run.exit()).isZero();
        assertThat(run.classes()).anyMatch(c -> c.startsWith("org.drools.compiler.builder.impl.KnowledgeBuilderImpl "))
                .anyMatch(c -> c.startsWith("org.drools.drl.parser."))
                .anyMatch(c -> c.startsWith("org.eclipse.jdt.") || c.startsWith("org.kie.memorycompiler.jdknative."));
    }

    @Test
    void aStaleModelIsNamedOnStandardErrorAndItsRulesAreCompiled() throws Exception {
        Path rules = temp.resolve("clinic-rules");
        ModelGenerator.precompile(Path.of("src/it/clinic-rules/rules"), rules);
        Path drl = rules.resolve("70-clinic.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// edited after the build\n");
        Run run = cli(rules);
        assertThat(run.exit()).isZero();
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("sciatica-advisor: warning: " + rules + ": the precompiled model").contains("stale"));
        assertThat(run.classes()).anyMatch(c -> c.startsWith("org.drools.drl.parser."));
    }

    private record Run(int exit, String err, List<String> classes) {
    }

    /** The command line in a new JVM: one answer with the bundled rules and {@code rules}, and the classes it loaded. */
    private Run cli(Path rules) throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "classes", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                "org.sciatica.advisor.cli.Main", "advise", "--rules", rules.toString(), "examples/chronic-piriformis.json"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command line answered within 2 minutes").isTrue();
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [0.012s][info][class,load] java.lang.Object source: shared objects file
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                classes.add(line.substring(at + "[class,load] ".length()));
            }
        }
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8), classes);
    }
}
