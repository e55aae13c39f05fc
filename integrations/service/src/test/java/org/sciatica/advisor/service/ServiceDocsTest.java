package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The curl commands of docs/SERVICE.md, word for word, against a running service (the port and the token replaced). */
class ServiceDocsTest extends SharedService {
    static final Path ROOT = Path.of(System.getProperty("advisor.root", "../.."));

    static List<String> curlCommands() throws Exception {
        List<String> commands = new ArrayList<>();
        boolean shell = false;
        for (String line : Files.readAllLines(ROOT.resolve("docs/SERVICE.md"), StandardCharsets.UTF_8)) {
            if (line.strip().equals("```shell")) {
                shell = true;
            } else if (line.strip().equals("```")) {
                shell = false;
            } else if (shell && line.startsWith("curl ")) {
                commands.add(line);
            }
        }
        return commands;
    }

    @Test
    void theDocumentedCurlCallsWork() throws Exception {
        List<String> commands = curlCommands();
        assertThat(commands).hasSize(3);
        for (String command : commands) {
            String local = command.replace("http://127.0.0.1:8080", h.service.url());
            String url = local.substring(local.lastIndexOf(' ') + 1);
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", local).directory(ROOT.toFile()).redirectErrorStream(true);
            pb.environment().put("TOKEN", Harness.sign(url));
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(command + "\n" + out).isZero();
            JsonNode json = Harness.JSON.readTree(out);
            if (url.endsWith("/cds-services")) {
                assertThat(json.get("services").size()).isEqualTo(3);
            } else if (url.endsWith("/advice")) {
                assertThat(json.get("disposition").asText()).isNotBlank();
            } else {
                assertThat(json.get("cards").get(0).get("summary").asText()).as(out).startsWith("Massage");
            }
        }
    }
}
