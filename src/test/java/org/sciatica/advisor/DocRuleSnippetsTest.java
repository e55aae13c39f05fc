package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.testing.ScenarioTable;

/**
 * Every {@code ```drl} and {@code ```csv} block in README.md and docs/*.md loads as it stands, copied
 * verbatim: the rule files and CSV files of one section (a heading and what follows it) are written
 * into one rule directory, which must load beside the bundled rules. A CSV block is a file a reader
 * saves as it is, so its first line is its header: {@code sources.csv}, {@code vocabulary.csv},
 * {@code safety-departures.csv} or a scenario table (which must be readable); anything else, a
 * comment line first for instance, fails.
 */
class DocRuleSnippetsTest {
    private static final String SOURCES = "id,kind,title,publisher,year,url,locator,background,takes";
    /** The registry's header before locators: it still loads (policy rows need none). */
    private static final String SOURCES_WITHOUT_LOCATOR = "id,kind,title,publisher,year,url,takes";

    @TempDir
    static Path dirs;

    /** A fenced block: where its text starts, its language, its text. */
    record Block(int line, String lang, String text) {
    }

    /** The drl and csv blocks of each section of a page, by the line of the section's heading. */
    static Map<Integer, List<Block>> sections(Path page) throws IOException {
        Map<Integer, List<Block>> sections = new LinkedHashMap<>();
        for (MarkdownBlocks.Block b : MarkdownBlocks.of(page)) {
            if (b.language().equals("drl") || b.language().equals("csv")) {
                sections.computeIfAbsent(b.section(), s -> new ArrayList<>()).add(new Block(b.line(), b.language(), b.text()));
            }
        }
        return sections;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleAndCsvSnippetLoadsAsItStands() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : ReadmeSnippetsTest.pages()) {
            for (Map.Entry<Integer, List<Block>> section : sections(page).entrySet()) {
                String name = page + " section at line " + section.getKey();
                tests.add(DynamicTest.dynamicTest(name, () -> load(name, section.getValue())));
            }
        }
        assertThat(tests).as("sections with ```drl or ```csv blocks").isNotEmpty();
        return tests.stream();
    }

    private static void load(String name, List<Block> blocks) throws IOException {
        Path dir = Files.createDirectories(dirs.resolve(name.replaceAll("[^A-Za-z0-9]", "_")));
        Map<String, StringBuilder> csv = new LinkedHashMap<>();
        int drl = 0;
        for (Block b : blocks) {
            String where = name + ", block at line " + b.line();
            if (b.lang().equals("drl")) {
                Files.writeString(dir.resolve("snippet-" + (++drl) + ".drl"), b.text());
                continue;
            }
            String header = b.text().lines().findFirst().orElse("");
            String file;
            if (header.equals(SOURCES) || header.equals(SOURCES_WITHOUT_LOCATOR)) {
                file = "sources.csv";
            } else if (header.equals("kind,name,severity,disposition,description")) {
                file = "vocabulary.csv";
            } else if (header.equals("line,reason")) {
                file = "safety-departures.csv";
            } else if (header.startsWith("name,")) {
                ScenarioTable.fromText(where, b.text()).run(); // throws when the table cannot be read
                continue;
            } else {
                throw new AssertionError(where + ": a ```csv block must start with the header of a file the library reads "
                        + "(sources.csv, vocabulary.csv, safety-departures.csv or a scenario table), not: " + header);
            }
            StringBuilder content = csv.get(file);
            if (content == null) {
                csv.put(file, new StringBuilder(b.text()));
            } else {
                content.append(b.text().substring(b.text().indexOf('\n') + 1));
            }
        }
        if (csv.isEmpty() && drl == 0) {
            return;
        }
        if (drl == 0) {
            // CSV files alone are no rule directory: one rule that cites the bundled policy makes them one.
            Files.writeString(dir.resolve("snippet.drl"), """
                    package org.clinic.rules;
                    import org.sciatica.advisor.*;
                    import org.sciatica.advisor.facts.*;
                    rule "Loads the snippet's files" @id("DOC-01") @source("policy-technique-choice")
                    when Assessment( painLevel > 10 ) then end
                    """);
        }
        for (Map.Entry<String, StringBuilder> e : csv.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        assertThat(advisor.rules()).as(name).isNotEmpty();
    }
}
