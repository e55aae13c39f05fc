package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.RuleLoadException;

/**
 * A clinic's rule directory precompiled in its own build ({@link ModelGenerator}, run by
 * {@code PrecompileRules}): loaded from its model when the model was made from exactly its .drl
 * files, and then every load check, the catalog and every answer are those of compiling the DRL; a
 * stale model is never used.
 */
class DirectoryModelTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final RuleBase.Options OPTIONS = new RuleBase.Options(false, true);

    @TempDir
    Path temp;

    /** The test directories that compile: clinic vocabularies, replacements, drafts, departures, load problems. */
    @ParameterizedTest(name = "bundled rules plus {0}, precompiled")
    @ValueSource(strings = {"clinic-lymphedema", "replace-varicose-rule", "departed-varicose-rule", "draft-rule", "lifecycle",
            "no-gentle-technique", "two-left-may-not-lead", "mutation-clinic", "bundled-package-rule", "bad-lifecycle",
            "missing-metadata", "limb-restriction", "unsafe-varicose-rule"})
    void aPrecompiledDirectoryLoadsAsItsDrlDoes(String directory) throws Exception {
        Path out = precompile(Path.of(getClass().getResource("/rules/" + directory).toURI()));
        sameBothWays(out, BenchmarkMix.assessments(), true);
    }

    @Test
    void theExampleClinicsRulesLoadFromTheirModelAndAnswerTheHeavyMixAsTheirDrl() throws IOException {
        Path out = precompile(Path.of("src/it/clinic-rules/rules"));
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("70-clinic.drl", DirectoryModel.JAR, "sources.csv", "vocabulary.csv");
        sameBothWays(out, BenchmarkMix.heavy(), true);
    }

    @Test
    void withoutTheBundledRulesADirectoryAloneLoadsFromItsModel() throws IOException {
        Path copy = temp.resolve("rules-copy");
        Files.createDirectories(copy);
        for (RuleFile file : RuleFile.bundled()) {
            Files.writeString(copy.resolve(DirectoryModel.baseName(file.name())), file.content(), StandardCharsets.UTF_8);
        }
        Path out = temp.resolve("precompiled-copy");
        ModelGenerator.precompile(copy, out);
        List<RuleFile> files = RuleFile.directory(out);
        Engine model = Engine.compile(files, OPTIONS);
        Engine drl = Engine.compileFromDrl(files, OPTIONS);
        assertThat(model.rules().modelDirectories()).containsExactly(out);
        assertThat(model.catalog()).isEqualTo(drl.catalog());
        for (Assessment a : BenchmarkMix.assessments()) {
            assertThat(outcome(() -> model.advise(a, AS_OF))).as(a.summary()).isEqualTo(outcome(() -> drl.advise(a, AS_OF)));
        }
    }

    @Test
    void aStaleModelIsNeverUsedAndOneWarningNamesTheDirectory() throws IOException {
        Path out = precompile(Path.of("src/it/clinic-rules/rules"));
        Path drlFile = out.resolve("70-clinic.drl");
        String edited = Files.readString(drlFile).replace("Support(Technique.SWEDISH, 2,", "Support(Technique.SWEDISH, 3,");
        assertThat(edited).isNotEqualTo(Files.readString(drlFile));
        Files.writeString(drlFile, edited);
        Engine engine = sameBothWays(out, BenchmarkMix.assessments(), false);
        assertThat(engine.loadWarnings()).singleElement().satisfies(w -> assertThat(w).startsWith(out + ": ")
                .contains("stale").contains("compiled from DRL"));
    }

    @Test
    void aRenamedFileMakesTheModelStaleToo() throws IOException {
        Path out = precompile(Path.of("src/it/clinic-rules/rules"));
        Files.move(out.resolve("70-clinic.drl"), out.resolve("75-clinic.drl"));
        Engine engine = sameBothWays(out, List.of(), false);
        assertThat(engine.loadWarnings()).singleElement().satisfies(w -> assertThat(w).contains("stale"));
    }

    @Test
    void aDirectoryWithoutAModelCompilesItsDrlWithoutAWarning() throws Exception {
        Engine engine = sameBothWays(Path.of("src/it/clinic-rules/rules"), List.of(), false);
        assertThat(engine.loadWarnings()).isEmpty();
    }

    @Test
    void anUnreadableModelIsNotUsedAndSaysSo() throws IOException {
        Path out = precompile(Path.of("src/it/clinic-rules/rules"));
        Files.writeString(out.resolve(DirectoryModel.JAR), "not a jar");
        Engine engine = sameBothWays(out, List.of(), false);
        assertThat(engine.loadWarnings()).singleElement().satisfies(w -> assertThat(w).startsWith(out + ": ")
                .contains("cannot be read"));
    }

    @Test
    void precompilingADirectoryWhoseRulesDoNotCompileListsTheirErrorsAndWritesNothing() throws Exception {
        Path in = Path.of(getClass().getResource("/rules/broken").toURI());
        Path out = temp.resolve("broken");
        try {
            ModelGenerator.precompile(in, out);
            throw new AssertionError("the broken rules were precompiled");
        } catch (RuleLoadException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).startsWith(in.toString());
                assertThat(p.line()).isPositive();
            });
        }
        assertThat(out).doesNotExist();
    }

    private Path precompile(Path in) throws IOException {
        Path out = temp.resolve("precompiled-" + in.getFileName());
        ModelGenerator.precompile(in, out);
        assertThat(out.resolve(DirectoryModel.JAR)).isRegularFile();
        return out;
    }

    /**
     * Loads the bundled rules plus {@code dir} both ways (its model where usable, and every file
     * compiled from DRL) and checks the same catalog, version, load problems and answers; returns the
     * engine that used the model, or null when the rules did not load (the same problems both ways).
     */
    private static Engine sameBothWays(Path dir, List<Assessment> cases, boolean fromModel) {
        List<RuleFile> files = new ArrayList<>(RuleFile.bundled());
        files.addAll(RuleFile.directory(dir));
        Object model = load(() -> Engine.compile(files, OPTIONS));
        Object drl = load(() -> Engine.compileFromDrl(files, OPTIONS));
        if (!(model instanceof Engine m) || !(drl instanceof Engine d)) {
            assertThat(model).as("the load problems of " + dir).isEqualTo(drl);
            assertThat(model).isInstanceOf(String.class);
            return null;
        }
        assertThat(m.precompiled()).isTrue();
        assertThat(m.rules().modelDirectories()).isEqualTo(fromModel ? List.of(dir) : List.of());
        assertThat(m.catalog()).isEqualTo(d.catalog());
        assertThat(m.version()).isEqualTo(d.version());
        assertThat(m.clinicFindings()).isEqualTo(d.clinicFindings());
        for (Assessment a : cases) {
            assertThat(outcome(() -> m.advise(a, AS_OF))).as(a.summary()).isEqualTo(outcome(() -> d.advise(a, AS_OF)));
        }
        return m;
    }

    private static Object load(java.util.function.Supplier<Engine> engine) {
        try {
            return engine.get();
        } catch (RuleLoadException e) {
            return "RuleLoadException: " + e.problems();
        }
    }

    /** The answer, or the message of the error it raised (an unsafe clinic rule is refused the same way). */
    private static Object outcome(java.util.function.Supplier<Object> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
