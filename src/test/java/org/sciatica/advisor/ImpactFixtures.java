package org.sciatica.advisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Rule directories and test doubles for the tests of {@link Impact} and {@code --impact}. Rule
 * directories carry a {@code sources.csv} for the {@code test-fixture} source they cite.
 */
public final class ImpactFixtures {
    /** A sources registry with the one source the fixtures' rules cite. */
    public static final String SOURCES = """
            id,kind,title,publisher,year,url,takes
            test-fixture,policy,Test fixture,Sciatica Advisor tests,2026,,"A rule written only to test the library, not clinical advice."
            """;

    private ImpactFixtures() {
    }

    /**
     * Copies the bundled rule directory ({@code rules/}, every file) into {@code dir}, leaving out
     * the rule with this id: what a rule author's edited copy of the rules looks like.
     *
     * @return {@code dir}
     */
    public static Path bundledRulesWithout(String ruleId, Path dir) {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            boolean found = false;
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file);
                int id = text.indexOf("@id(\"" + ruleId + "\")");
                if (id >= 0 && file.toString().endsWith(".drl")) {
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

    /**
     * A clinic rule that replaces CI-09 with the same exclusions and pressure limit for acute
     * inflammation but no {@code ACUTE_INFLAMMATION} warning: less cautious, yet keeping every line of
     * the safety table (none requires that warning).
     *
     * @return {@code dir}
     */
    public static Path quietAcuteInflammationRule(Path dir) {
        try {
            Files.writeString(dir.resolve("sources.csv"), SOURCES);
            Files.writeString(dir.resolve("clinic.drl"), """
                    package org.clinic.rules;

                    import org.sciatica.advisor.*;
                    import org.sciatica.advisor.facts.*;

                    rule "Acute inflammation: gentle work only, without a warning"
                        @id("CL-09")
                        @source("test-fixture")
                        @replaces("CI-09")
                    when
                        Assessment( inflammation == Inflammation.ACUTE )
                    then
                        insert( new Exclusion(Technique.DEEP_TISSUE, "firm pressure on acutely inflamed tissue worsens it") );
                        insert( new Exclusion(Technique.HOT_STONE, "heat on acutely inflamed tissue worsens it") );
                        insert( new PressureLimit(Pressure.LIGHT, "acute inflammation: light pressure only") );
                    end
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@link Impact} between two functions standing for advisors whose rules are unknown: test doubles that may throw. */
    public static Impact between(Function<Assessment, Recommendation> baseline, Function<Assessment, Recommendation> candidate) {
        return new Impact(baseline, candidate, "baseline-version", "candidate-version", null, null);
    }

    /** {@link Impact#of} with the candidate's {@code advise} wrapped by {@code monitor}: a test double of the safety monitor. */
    public static Impact monitored(SciaticaAdvisor baseline, SciaticaAdvisor candidate,
                                   UnaryOperator<Function<Assessment, Recommendation>> monitor) {
        return new Impact(baseline::advise, monitor.apply(candidate::advise), baseline.rulesVersion(), candidate.rulesVersion(),
                Impact.ids(baseline), Impact.ids(candidate));
    }
}
