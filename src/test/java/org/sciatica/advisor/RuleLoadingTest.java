package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.testing.Cases;

/** Loading rules: the bundled set, added directories, and every way a rule file can be wrong. */
class RuleLoadingTest {

    @Test
    void theIndexOfBundledRulesNamesEveryDrlFileInTheRulesFolder() throws IOException {
        List<String> listed = Files.readAllLines(Path.of("rules/index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
            assertThat(listed).as("rules/index.txt versus the .drl files in rules/").isEqualTo(onDisk);
        }
    }

    @Test
    void everyBundledRuleHasAnIdASourceAndAFile() {
        assertThat(Cases.bundledAdvisor().rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.id()).matches("[A-Z]{2}-\\d{2}");
            assertThat(rule.sourceId()).isNotBlank();
            assertThat(rule.source().isPolicy() || rule.source().url() != null).as("a citation has a URL").isTrue();
            assertThat(rule.file()).startsWith("rules/").endsWith(".drl");
        });
    }

    @Test
    void everyBundledRuleIdNamesItsLayer() {
        for (RuleInfo rule : Cases.bundledAdvisor().rules()) {
            String layer = switch (rule.id().substring(0, 2)) {
                case "RF" -> "10-red-flags";
                case "CI" -> "20-contraindications";
                case "TQ" -> "30-technique-choice";
                case "NS" -> "40-nerve-safety";
                case "FA" -> "50-focus-areas";
                case "SP" -> "60-session-plan";
                case "QU" -> "70-questions";
                default -> "?";
            };
            assertThat(rule.file()).as(rule.id() + " lives in its layer's file").isEqualTo("rules/" + layer + ".drl");
        }
    }

    @Test
    void rulesVersionNamesTheLibraryAndTheRuleTexts() {
        assertThat(Cases.bundledAdvisor().rulesVersion()).startsWith(SciaticaAdvisor.version() + "+rules.")
                .matches(".*\\+rules\\.[0-9a-f]{12}");
        SciaticaAdvisor withMore = TestRules.NoGentleTechnique.ADVISOR;
        assertThat(withMore.rulesVersion()).isNotEqualTo(Cases.bundledAdvisor().rulesVersion());
    }

    @Test
    void addedRulesRunAfterTheBundledOnesAndAreListed() {
        SciaticaAdvisor advisor = TestRules.NoGentleTechnique.ADVISOR;
        assertThat(advisor.rules()).last().extracting(RuleInfo::id).isEqualTo("TEST-01");
        assertThat(advisor.rules()).hasSize(Cases.bundledAdvisor().rules().size() + 1);
    }

    @Test
    void everyCompileErrorIsReportedWithFileLineAndColumn() {
        Path dir = TestRules.directory("broken");
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                dir.resolve("a-typo.drl") + ":9:5: Unable to resolve ObjectType 'Asessment'",
                dir.resolve("b-syntax.drl") + ":9:29: [ERR 101] Line 9:28 no viable alternative at input ')' in rule \"A constraint with no value\"");
        assertThat(e.getMessage()).startsWith("2 problems in the rules:");
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void aSyntaxErrorInOneRuleDoesNotHideTheMistakesInTheOthers() {
        Path dir = TestRules.directory("three-mistakes");
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        String file = dir.resolve("clinic.drl").toString();
        assertThat(e.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column()).containsExactly(
                file + ":11:37", // Condition.PREGNANT in the first rule
                file + ":20:30", // "painLevel >= )" in the second
                file + ":29:5"); // Asessment( in the third
        assertThat(e.problems().get(0).message()).startsWith("Condition.PREGNANT is not a Condition; did you mean PREGNANCY?");
        assertThat(e.problems().get(1).message()).contains("no viable alternative at input ')'")
                .contains("rule \"Severe pain limits pressure\"");
        assertThat(e.problems().get(2).message()).isEqualTo("Unable to resolve ObjectType 'Asessment'");
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void aMisspeltConditionNamesTheClosestConditionAndEveryAllowedOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pregnancy.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Pregnancy needs clearance" @id("CL-60") @source("policy-safety-first")
                when
                    Assessment( conditions contains Condition.PREGNANT )
                then
                    insert( new Alert(WarningCode.PREGNANCY_CLEARANCE, "ask for the midwife's clearance") );
                end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("pregnancy.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(37);
            assertThat(p.message()).isEqualTo("Condition.PREGNANT is not a Condition; did you mean PREGNANCY? Allowed: "
                    + java.util.Arrays.stream(Condition.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
        });
    }

    @Test
    void everyEnumOfTheVocabularyIsChecked(@TempDir Path dir) throws IOException {
        List<String> vocabulary = List.of("Cause", "Sensitivity", "Inflammation", "Course", "Symptom", "BodyArea",
                "RedFlag", "Condition", "Technique", "Pressure", "Urgency", "WarningCode", "Phase", "Severity", "Disposition");
        StringBuilder drl = new StringBuilder("""
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Names a constant no enum has" @id("CL-64") @source("policy-safety-first")
                when
                    Assessment()
                then
                """);
        vocabulary.forEach(type -> drl.append("    System.out.println(").append(type).append(".NO_SUCH_VALUE);\n"));
        drl.append("end\n");
        Files.writeString(dir.resolve("vocabulary.drl"), drl);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " "
                        + p.message().substring(0, p.message().indexOf(';')).replace(" is not a built-in ", " is not a "))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, vocabulary.size()).mapToObj(i ->
                        (8 + i) + ":24 " + vocabulary.get(i) + ".NO_SUCH_VALUE is not a " + vocabulary.get(i)).toList());
    }

    @Test
    void anEnumConstantInACommentOrAStringIsNotChecked(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                // Condition.PREGNANT is what some intake forms say; the enum has PREGNANCY.
                rule "Pregnancy needs clearance" @id("CL-61") @source("policy-safety-first")
                when
                    Assessment( conditions contains Condition.PREGNANCY, painLevel > )
                then
                    insert( new Alert(WarningCode.PREGNANCY_CLEARANCE, "not Technique.DEEP_TISUE") );
                end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("no viable alternative");
        });
    }

    @Test
    void aMistakeInARulesActionIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actions.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Severe pain limits pressure" @id("CL-62") @source("policy-safety-first")
                when
                    $a : Assessment( painLevel >= 7 )
                then
                    // the limit follows the pain
                    int limit = "light";
                    insert( new PressureLimit(Pressure.LIGHT, reasonFor($a)) );
                end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly("9:5", "10:47");
        assertThat(e.problems().get(0).message()).contains("Type mismatch: cannot convert from String to int");
        assertThat(e.problems().get(1).message()).contains("The method reasonFor(Assessment) is undefined");
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void aMisspeltKeywordOutsideTheRulesIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("header.drl"), """
                package org.clinic.rules;
                imprt org.sciatica.advisor.*;

                rule "Anything" @id("CL-63") @source("policy-safety-first")
                when
                    Assessment( painLevel > )
                then
                end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly("2:1", "6:29");
        assertThat(e.problems().get(0).message()).contains("mismatched input 'imprt'");
    }

    @Test
    void missingMetadataAndDuplicateIdsAreLoadErrors() {
        Path dir = TestRules.directory("missing-metadata");
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        String file = dir.resolve("rules.drl").toString();
        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                file + ":5:1: rule \"A rule with no id\" has no @id(\"...\") metadata",
                file + ":12:1: rule \"A rule with no source\" has no @source(\"...\") metadata",
                file + ":19:1: rule \"A rule that reuses a bundled id\" reuses @id(\"RF-01\") of rule "
                        + "\"Signs of cauda equina syndrome need emergency care now\" in rules/10-red-flags.drl;"
                        + " to replace that rule, give yours a new id and add @replaces(\"RF-01\")");
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void aRuleNamedWithoutQuotesIsReportedAtItsDeclaration(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;

                rule UnquotedName @source("policy-safety-first")
                when Assessment() then end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::toString)
                .containsExactly(dir.resolve("x.drl") + ":4:1: rule \"UnquotedName\" has no @id(\"...\") metadata");
    }

    @Test
    void aMissingOrEmptyRuleDirectoryIsALoadError(@TempDir Path empty) {
        assertThatThrownBy(() -> SciaticaAdvisor.builder().addRuleDirectory(empty.resolve("nope")).build())
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("nope: no such directory").hasMessageNotContaining(":0:0:");
        assertThatThrownBy(() -> SciaticaAdvisor.builder().addRuleDirectory(empty).build())
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("no .drl rule file in this directory");
    }

    @Test
    void aRuleAuthorCanTestTheirOwnRulesAlone() {
        SciaticaAdvisor own = SciaticaAdvisor.builder().withoutBundledRules()
                .addRuleDirectory(TestRules.directory("no-gentle-technique")).build();
        assertThat(own.rules()).extracting(RuleInfo::id).containsExactly("TEST-01");
        assertThatThrownBy(() -> SciaticaAdvisor.builder().withoutBundledRules().build())
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("no rules");
    }

    @Test
    void aLoopingRuleIsStoppedWithAClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("loop.drl"), """
                package org.sciatica.advisor.test;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "A rule that inserts forever" @id("LOOP-01") @source("policy-safety-first")
                when
                    Assessment()
                    $f : Focus()
                then
                    insert( new Focus($f.area(), $f.reason() + ".") );
                end
                """);
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        assertThatThrownBy(() -> advisor.advise(Cases.muscleTension().build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a rule probably loops");
    }

    @Test
    void aClinicRuleCanReplaceABundledRuleByItsId() {
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("replace-varicose-rule")).build();
        assertThat(advisor.rules()).extracting(RuleInfo::id).doesNotContain("CI-08").contains("CL-08");
        assertThat(advisor.rules()).filteredOn(r -> r.id().equals("CL-08")).singleElement()
                .satisfies(r -> assertThat(r.effects()).startsWith("replaces CI-08"));
        org.sciatica.advisor.testing.ClinicalAssertions.assertThat(
                        org.sciatica.advisor.testing.Cases.advise(advisor, Cases.muscleTension().conditions(Condition.VARICOSE_VEINS)))
                .firedRule("CL-08").didNotFire("CI-08").excludes(Technique.HOT_STONE).warns(WarningCode.VEIN_PRESSURE);
    }

    @Test
    void aSourceThatIsNotInAnyRegistryIsALoadErrorAtTheRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;

                rule "Cites a blog nobody registered" @id("CL-77") @source("my-blog")
                when Assessment() then end
                """);
        RuleLoadException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p.file()).endsWith("x.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("rule \"Cites a blog nobody registered\" cites @source(\"my-blog\"), which is not in any sources.csv")
                    .contains("known sources: ").contains("nice-cks-sciatica");
        });
        // The directory has no registry of its own: said about that file, with no position in it.
        assertThat(e.problems()).last().hasToString(dir.resolve("sources.csv") + ": no such file, and rules in " + dir
                + " cite sources no loaded registry holds; create it with the header id,kind,title,publisher,year,url,locator,background,takes"
                + " and one line per source");
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void aClinicRegistersItsOwnSourcesBesideItsRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Cites the clinic's protocol" @id("CL-78") @source("clinic-protocol-2026")
                when Assessment() then end
                """);
        Files.writeString(dir.resolve("sources.csv"), """
                id,kind,title,publisher,year,url,locator,background,takes
                clinic-protocol-2026,guideline,"Sciatica protocol, 2026 edition",Example Clinic,2026,https://example.org/protocol,section 4,,"What the clinic's own rules take."
                """);
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        assertThat(advisor.rules()).filteredOn(r -> r.id().equals("CL-78")).singleElement().satisfies(r -> {
            assertThat(r.source().title()).isEqualTo("Sciatica protocol, 2026 edition");
            assertThat(r.source().locator()).isEqualTo("section 4");
        });
    }

    @Test
    void aRegistryWithoutTheLocatorColumnStillLoadsItsPolicies(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Cites the clinic's policy" @id("CL-80") @source("clinic-policy")
                when Assessment() then end
                """);
        Files.writeString(dir.resolve("sources.csv"), """
                id,kind,title,publisher,year,url,takes
                clinic-policy,policy,Our protocol,Example Clinic,2026,,"Why the clinic decides so."
                """);
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        assertThat(advisor.rules()).filteredOn(r -> r.id().equals("CL-80")).singleElement()
                .satisfies(r -> assertThat(r.source().locator()).isNull());
    }

    @Test
    void aCitationNeedsAnHttpsAddressOrADoiAndALocatorAndAPolicyItsRationale(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Cites a DOI" @id("CL-81") @source("by-doi")
                when Assessment() then end
                """);
        Files.writeString(dir.resolve("sources.csv"), """
                id,kind,title,publisher,year,url,locator,background,takes
                by-doi,review,A review,Someone,2020,doi:10.1002/14651858.CD001929.pub3,Table 2,,"What the rules take."
                plain-http,guideline,A guideline,Someone,2020,http://example.org/g,recommendation 1.1,,"What the rules take."
                no-locator,guideline,A guideline,Someone,2020,https://example.org/g,,,"What the rules take."
                no-address,article,An article,Someone,2020,,page 3,,"What the rules take."
                no-rationale,policy,A policy,Us,2026,,,,""
                odd-marker,guideline,A guideline,Someone,2020,https://example.org/g,page 1,maybe,"What the rules take."
                """);
        RuleLoadException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(e.problems()).extracting(RuleProblem::message).containsExactly(
                "url of source plain-http must be an https:// address or a DOI (10.xxxx/...), was \"http://example.org/g\";"
                        + " use the publisher's https address",
                "source no-locator (kind guideline) needs a locator: where in the source its claim stands, for example"
                        + " \"recommendation 1.2.7\", \"section 'Red flags'\" or \"Table 1\"",
                "source no-address (kind article) needs an https:// address or a DOI in the url column; only a policy has none",
                "policy no-rationale needs its rationale in the takes column: why the product decides so, and which"
                        + " publications, if any, it builds on",
                "background of source odd-marker must be yes or empty, was \"maybe\"");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("sources.csv"));
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void aDoiIsListedAsItsHttpsLink(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Cites a DOI" @id("CL-82") @source("by-doi")
                when Assessment() then end
                """);
        Files.writeString(dir.resolve("sources.csv"), """
                id,kind,title,publisher,year,url,locator,background,takes
                by-doi,review,A review,Someone,2020,10.1002/14651858.CD001929.pub3,Table 2,,"What the rules take."
                """);
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        assertThat(advisor.rules()).filteredOn(r -> r.id().equals("CL-82")).singleElement()
                .satisfies(r -> assertThat(r.source().url()).isEqualTo("https://doi.org/10.1002/14651858.CD001929.pub3"));
    }

    @Test
    void aBadRegistryRowIsALoadErrorWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Cites nothing usable" @id("CL-79") @source("bad")
                when Assessment() then end
                """);
        Files.writeString(dir.resolve("sources.csv"), """
                id,kind,title,publisher,year,url,takes
                bad,blog,A blog,Someone,2026,https://example.org,"Nothing."
                nourl,guideline,A guideline,Someone,2026,,"A citation needs a link."
                """);
        RuleLoadException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::line).containsExactly(2, 3);
        assertThat(e.problems().get(0).message()).isEqualTo("kind \"blog\" is not one of guideline, review, article, patient-information, policy");
        assertThat(e.problems().get(1).message())
                .isEqualTo("source nourl (kind guideline) needs an https:// address or a DOI in the url column; only a policy has none");
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void replacingTheNerveWarningRuleIsRefusedWithoutAnExplicitAllowance(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Our own nerve warning" @id("CL-01") @source("policy-nerve-safety") @replaces("NS-01")
                when Assessment()
                then
                    insert( new Alert(WarningCode.NO_DIRECT_NERVE_PRESSURE, "Never press on the sciatic nerve.") );
                end
                """);
        RuleLoadException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e).as("replacing NS-01 must need an allowance").isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("rule \"Our own nerve warning\" replaces @id(\"NS-01\"), a protected rule (the standing"
                    + " warning never to press on the sciatic nerve); replacing it needs an explicit allowance:"
                    + " SciaticaAdvisor.builder().allowReplacingProtectedRules() in Java, --allow-replacing-protected-rules on the command line");
        });
        SciaticaAdvisor allowed = SciaticaAdvisor.builder().addRuleDirectory(dir).allowReplacingProtectedRules().build();
        assertThat(allowed.rules()).extracting(RuleInfo::id).contains("CL-01").doesNotContain("NS-01");
        assertThat(allowed.advise(Cases.piriformisSyndrome().build()).warns(WarningCode.NO_DIRECT_NERVE_PRESSURE)).isTrue();
    }

    @Test
    void everyRedFlagRuleAndTheClotRuleAreProtectedToo(@TempDir Path dir) throws IOException {
        for (String id : List.of("RF-01", "RF-02", "RF-03", "RF-04", "RF-05", "RF-06", "CI-01")) {
            Files.writeString(dir.resolve("x.drl"), "package org.clinic.rules;\nimport org.sciatica.advisor.*;\n"
                    + "rule \"Replaces " + id + "\" @id(\"CL-" + id + "\") @source(\"policy-safety-first\") @replaces(\"" + id + "\")\n"
                    + "when Assessment( painLevel < 0 )\nthen\nend\n");
            assertThatThrownBy(() -> SciaticaAdvisor.builder().addRuleDirectory(dir).build()).as(id)
                    .isInstanceOf(RuleLoadException.class).hasMessageContaining("a protected rule");
        }
    }

    @Test
    void reusingAnIdSaysHowToReplaceTheRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Our varicose veins rule" @id("CI-08") @source("policy-safety-first")
                when Assessment( painLevel < 0 )
                then
                end
                """);
        assertThatThrownBy(() -> SciaticaAdvisor.builder().addRuleDirectory(dir).build())
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("reuses @id(\"CI-08\")")
                .hasMessageContaining("to replace that rule, give yours a new id and add @replaces(\"CI-08\")");
    }

    @Test
    void aSupportWeightAboveFiveIsALoadErrorNotASurpriseAtTheFirstClient(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Burning pain strongly supports Swedish massage" @id("CL-30") @source("policy-technique-choice")
                when
                    Assessment( symptoms contains Symptom.BURNING_PAIN )
                then
                    insert( new Support(Technique.SWEDISH, 9, "gentle strokes for burning pain") );
                end
                """);
        assertThatThrownBy(() -> SciaticaAdvisor.builder().addRuleDirectory(dir).build())
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("x.drl:4:1: rule \"Burning pain strongly supports Swedish massage\" gives SWEDISH a support"
                        + " weight of 9; a weight is a whole number from 0 to 5");
    }

    @Test
    void replacingAnUnknownRuleIsALoadError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "Replaces nothing" @id("CL-99") @source("policy-safety-first") @replaces("CI-99")
                when Assessment() then end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e).hasMessageContaining("x.drl:3:1: rule \"Replaces nothing\" replaces @id(\"CI-99\"), but no rule has that id");
        assertEveryProblemIsPlaced(e);
    }

    @Test
    void anUnknownWarningCodeOrTechniqueIsALoadErrorWithItsPlace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("codes.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Warns with a code that does not exist" @id("CL-50") @source("policy-safety-first")
                when
                    Assessment( painLevel > 8 )
                then
                    insert( new Alert(WarningCode.PAIN_IS_HIGH, "made up") );
                    insert( new Exclusion(Technique.DEEP_TISUE, "made up") );
                end
                """);
        RuleLoadException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems().get(0).file()).endsWith("codes.drl");
        assertThat(e.problems().get(0).line()).isPositive();
        assertThat(e.getMessage()).contains("PAIN_IS_HIGH");
        // Each mistake once, where it is written; not Drools' "PAIN_IS_HIGH cannot be resolved" at the rule.
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly("8:23", "9:27");
        assertThat(e.problems().get(0).message()).startsWith("WarningCode.PAIN_IS_HIGH is not a WarningCode; did you mean ")
                .contains("Allowed: NO_DIRECT_NERVE_PRESSURE, ");
        assertThat(e.problems().get(1).message()).startsWith("Technique.DEEP_TISUE is not a Technique; did you mean DEEP_TISSUE?");
        assertEveryProblemIsPlaced(e);
    }

    /** Every problem in a rule file points into it: a line and a column, both from 1, never 0:0. */
    private static void assertEveryProblemIsPlaced(RuleLoadException e) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.line()).as("line of " + p).isPositive();
            assertThat(p.column()).as("column of " + p).isPositive();
        });
    }
}
