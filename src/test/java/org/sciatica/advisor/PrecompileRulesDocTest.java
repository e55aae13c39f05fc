package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The plugin configuration docs/RULE-AUTHORING.md shows a clinic is the one the example client
 * project (src/it/clinic-rules, built and tested in verify) runs, line for line, with the versions
 * the library's build fills in.
 */
class PrecompileRulesDocTest {
    @Test
    void theDocumentedConfigurationIsTheOneTheClientProjectRuns() throws IOException {
        List<String> shown = xmlBlock(Files.readString(Path.of("docs/RULE-AUTHORING.md"), StandardCharsets.UTF_8));
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        List<String> client = new ArrayList<>();
        String clientPom = Files.readString(Path.of("src/it/clinic-rules/pom.xml"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<!--.*?-->", "");
        for (String line : clientPom.lines().toList()) {
            if (!line.isBlank()) {
                client.add(filled(line.strip(), pom));
            }
        }
        assertThat(shown).as("the xml block of RULE-AUTHORING.md").contains("<mainClass>org.sciatica.advisor.tools.PrecompileRules</mainClass>");
        assertThat(java.util.Collections.indexOfSubList(client, shown))
                .as("the documented plugin, line for line, in src/it/clinic-rules/pom.xml").isNotNegative();
    }

    /** The pom's {@code @name@} placeholders, filled from the library's pom properties as its build does. */
    private static String filled(String line, String pom) {
        Matcher m = Pattern.compile("@([\\w.]+)@").matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // project.version is the project's <version>, not a property: the plugin block does not use it.
            Matcher value = Pattern.compile("<" + Pattern.quote(m.group(1)) + ">([^<]+)</").matcher(pom);
            m.appendReplacement(out, Matcher.quoteReplacement(value.find() ? value.group(1) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> xmlBlock(String page) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : page.lines().toList()) {
            if (!in && line.equals("```xml")) {
                in = true;
            } else if (in && line.equals("```")) {
                return lines;
            } else if (in) {
                lines.add(line.strip());
            }
        }
        throw new AssertionError("no ```xml block");
    }
}
