package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinic's rule author gets every problem of a rule directory in one round, each where it is
 * written and in words that say what to do: compile errors together with registry, vocabulary and
 * lifecycle problems, in file order.
 */
class OneRoundLoadProblemsTest {
    private static final String VOCABULARY = """
            kind,name,severity,disposition,description
            finding,LYMPHEDEMA,,,"Swelling from a damaged lymphatic system"
            """;

    private static RuleLoadException load(Path dir) {
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e).as("the rules must not load").isNotNull();
        return e;
    }

    @Test
    void aRuleFileWrittenFor01GetsTheNewImportAndTheSourceRegistryInOneRound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kneadwell.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.internal.*;

                rule "Kneadwell: lymphedema keeps pressure light"
                    @id("KW-01")
                    @source("Kneadwell clinic protocol P-12, 2026 revision")
                when
                    Assessment( painLevel >= 6 )
                then
                    insert( new PressureLimit(Pressure.LIGHT, "clinic protocol") );
                end
                """);
        RuleLoadException e = load(dir);
        String file = dir.resolve("kneadwell.drl").toString();
        assertThat(e.problems()).extracting(RuleProblem::file).containsOnly(file, dir.resolve("sources.csv").toString());
        assertThat(e.problems()).filteredOn(p -> p.message().contains("PressureLimit")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("PressureLimit is part of the rule vocabulary in org.sciatica.advisor.facts")
                    .contains("write import org.sciatica.advisor.facts.*;");
        });
        assertThat(e.problems()).filteredOn(p -> p.message().contains("not a source id")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("@source names the id of an entry in the sources.csv beside the rule file")
                    .contains("id,kind,title,publisher,year,url,locator,background,takes")
                    .contains("kneadwell-clinic-protocol-p-12-2026,policy,\"Kneadwell clinic protocol P-12, 2026 revision\"")
                    .contains("write @source(\"kneadwell-clinic-protocol-p-12-2026\")");
        });
        // The directory has no registry at all: said once, about the file, without a made-up position.
        assertThat(e.getMessage()).contains(dir.resolve("sources.csv") + ": no such file").doesNotContain(":0:0:");
    }

    @Test
    void aMisspeltClinicFindingIsALoadErrorThatNamesTheDeclaredOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocabulary.csv"), VOCABULARY);
        Files.writeString(dir.resolve("lymph.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Lymphedema: light pressure" @id("CL-LY-02") @source("policy-safety-first")
                when
                    Assessment( hasClinicFinding("LYMPHODEMA") )
                then
                    insert( new PressureLimit(Pressure.LIGHT, "lymphedema") );
                end
                """);
        RuleLoadException e = load(dir);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(35);
            assertThat(p.message()).isEqualTo("the clinic finding \"LYMPHODEMA\" is not declared in a vocabulary.csv loaded with"
                    + " the rules, so this condition would never match; did you mean LYMPHEDEMA? Declared: LYMPHEDEMA");
        });
    }

    @Test
    void aClinicFindingWrittenAsAConditionPointsToTheVocabularyNotToDiabetes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocabulary.csv"), VOCABULARY);
        Files.writeString(dir.resolve("lymph.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Lymphedema: no heat" @id("CL-LY-03") @source("policy-safety-first")
                when
                    Assessment( conditions contains Condition.LYMPHEDEMA )
                then
                    insert( new Exclusion(Technique.HOT_STONE, "lymphedema") );
                end
                """);
        RuleLoadException e = load(dir);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(37);
            assertThat(p.message()).startsWith("Condition.LYMPHEDEMA is not a built-in Condition; LYMPHEDEMA is a finding of the"
                    + " clinic, declared in vocabulary.csv: match it with Assessment( hasClinicFinding(\"LYMPHEDEMA\") )")
                    .doesNotContain("did you mean");
        });
    }

    @Test
    void anUndeclaredFindingWrittenAsAConditionSaysHowToDeclareIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lymph.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Lymphedema: no heat" @id("CL-LY-03") @source("policy-safety-first")
                when
                    Assessment( conditions contains Condition.LYMPHEDEMA )
                then
                    insert( new Exclusion(Technique.HOT_STONE, "lymphedema") );
                end
                """);
        assertThat(load(dir).problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("Condition.LYMPHEDEMA is not a built-in Condition; if it is a finding of your clinic, declare it in a"
                        + " vocabulary.csv beside the rule file (finding,LYMPHEDEMA,,,\"what it means\") and match it with"
                        + " Assessment( hasClinicFinding(\"LYMPHEDEMA\") )")
                .doesNotContain("DIABETES?"));
    }

    @Test
    void anUnclosedParenthesisIsReportedWhereItOpened(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("paren.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Severe pain keeps pressure light" @id("CL-20") @source("policy-safety-first")
                when
                    Assessment( painLevel >= 8
                then
                    insert( new PressureLimit(Pressure.LIGHT, "severe pain") );
                end
                """);
        RuleLoadException e = load(dir);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).as(p.toString()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(15);
            assertThat(p.message()).startsWith("\"(\" opened here is never closed (the parser stopped at line ");
        });
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpened(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("quote.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Severe pain keeps pressure light" @id("CL-21") @source("policy-safety-first")
                when
                    Assessment( painLevel >= 8 )
                then
                    insert( new PressureLimit(Pressure.LIGHT, "severe pain) );
                end
                """);
        RuleLoadException e = load(dir);
        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p.line()).as(p.toString()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(47);
            assertThat(p.message()).startsWith("the quote \" opened here is never closed on its line");
        });
    }

    @Test
    void aCompileErrorDoesNotHideLifecycleRegistryOrVocabularyProblems(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocabulary.csv"), VOCABULARY);
        Files.writeString(dir.resolve("a-typo.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "A typo in the fact type" @id("CL-30") @source("policy-safety-first")
                when
                    Asessment( painLevel > 8 )
                then
                    insert( new PressureLimit(Pressure.LIGHT, "severe pain") );
                end
                """);
        Files.writeString(dir.resolve("b-rest.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "A status that does not exist" @id("CL-31") @source("policy-safety-first") @status("actve")
                when
                    Assessment( hasClinicFinding("LYMPHODEMA") )
                then
                    insert( new Alert("LYMPH_CARE", "care") );
                end

                rule "A blog nobody registered" @id("CL-32") @source("my-blog")
                when
                    Assessment()
                then
                end
                """);
        RuleLoadException e = load(dir);
        String a = dir.resolve("a-typo.drl").toString();
        String b = dir.resolve("b-rest.drl").toString();
        assertThat(e.problems()).extracting(p -> p.file() + ":" + p.line()).containsExactly(
                a + ":6", b + ":4", b + ":4", b + ":6", b + ":11", dir.resolve("sources.csv") + ":0");
        assertThat(e.problems().get(0).message()).isEqualTo("Unable to resolve ObjectType 'Asessment'");
        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("@status(\"actve\")"))
                .anySatisfy(m -> assertThat(m).contains("raises warning \"LYMPH_CARE\""))
                .anySatisfy(m -> assertThat(m).contains("\"LYMPHODEMA\"").contains("did you mean LYMPHEDEMA?"))
                .anySatisfy(m -> assertThat(m).contains("@source(\"my-blog\"), which is not in any sources.csv"));
    }

    @Test
    void aMissingDirectoryHasNoMadeUpPositionAndDoesNotHideTheOthers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "No source" @id("CL-40")
                when Assessment() then end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> SciaticaAdvisor.builder()
                .addRuleDirectory(dir.resolve("nope")).addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                dir.resolve("nope") + ": no such directory",
                dir.resolve("x.drl") + ":3:1: rule \"No source\" has no @source(\"...\") metadata");
    }
}
