package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The classes Drools generates for the bundled rules (the executable model) are not public API: they
 * live under org.sciatica.advisor.internal.rules, which says so, and nothing is generated into the
 * package that rule files use (org.sciatica.advisor.rules, kept for clinics' own files).
 */
class GeneratedClassesTest {
    private static final Path CLASSES = Path.of("target/classes/org/sciatica/advisor");

    @Test
    void theExecutableModelIsGeneratedIntoTheInternalPackage() throws IOException {
        assertThat(classesUnder(CLASSES.resolve("internal/rules"))).as("generated classes in internal/rules").isNotEmpty();
        assertThat(classesUnder(CLASSES.resolve("rules"))).as("classes in org.sciatica.advisor.rules").isEmpty();
        assertThat(ExecutableModel.PACKAGE_PATH).startsWith("org/sciatica/advisor/internal/");
    }

    private static List<Path> classesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }
}
