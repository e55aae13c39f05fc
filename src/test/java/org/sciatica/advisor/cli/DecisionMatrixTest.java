package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import org.sciatica.advisor.testing.Cases;

/** docs/decision-matrix.svg is drawn from the rules; it must never go stale. */
class DecisionMatrixTest {

    @Test
    void theCheckedInMatrixMatchesTheRules() throws IOException {
        String expected = DecisionMatrix.svg(Cases.bundledAdvisor());
        assertThat(Files.readString(Path.of("docs/decision-matrix.svg")))
                .as("docs/decision-matrix.svg is stale; regenerate it with: " + DecisionMatrix.COMMAND)
                .isEqualTo(expected);
    }

    @Test
    void theMatrixIsWellFormedSvgWithARowPerFindingAndRuleIdsOnHover() throws Exception {
        String svg = DecisionMatrix.svg(Cases.bundledAdvisor());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // 1 baseline + 3 sensitivities + 3 inflammations + a row per condition and per red flag, a cell per technique
        int rows = 1 + 3 + 3 + org.sciatica.advisor.Condition.values().length + org.sciatica.advisor.RedFlag.values().length;
        assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(rows * org.sciatica.advisor.Technique.values().length);
        assertThat(svg).contains("<title>DEEP_TISSUE: excluded (RF-01)</title>")
                .contains("Condition:</tspan><tspan dx=\"4\">DEEP_VEIN_THROMBOSIS")
                .contains("<title>HOT_STONE: excluded (CI-03)</title>");
    }

    @Test
    void theCommandLineDrawsIt() {
        Cli cli = Cli.run("--decision-matrix");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("<svg ");
        assertThat(Cli.run("--decision-matrix", "examples/chronic-piriformis.json").exitCode()).isEqualTo(2);
    }
}
