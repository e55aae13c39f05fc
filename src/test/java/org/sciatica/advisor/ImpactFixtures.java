package org.sciatica.advisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Rule directories and test doubles for the tests of {@link Impact} and {@code --impact}. */
public final class ImpactFixtures {
    private ImpactFixtures() {
    }

    /**
     * Copies every bundled rule file ({@code rules/*.drl}) into {@code dir}, leaving out the rule
     * with this id: what a rule author's edited copy of the rules looks like.
     */
    public static Path bundledRulesWithout(String ruleId, Path dir) {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            boolean found = false;
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(file);
                int id = text.indexOf("@id(\"" + ruleId + "\")");
                if (id >= 0) {
                    int start = text.lastIndexOf("\nrule \"", id) + 1;
                    int end = text.indexOf("\nend\n", id) + "\nend\n".length();
                    text = text.substring(0, start) + text.substring(end);
                    found = true;
                }
                Files.writeString(dir.resolve(file.getFileName()), text);
            }
            if (!found) {
                throw new IllegalArgumentException("no rule " + ruleId + " in rules/");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@link Impact} between two functions standing for advisors: test doubles that may throw. */
    public static Impact between(Function<Assessment, Recommendation> baseline, Function<Assessment, Recommendation> candidate) {
        return new Impact(baseline, candidate, "baseline-version", "candidate-version", List.of());
    }
}
