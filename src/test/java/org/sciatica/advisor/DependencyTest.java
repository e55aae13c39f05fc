package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An embedding application gets Drools, slf4j-api and what Drools itself brings, nothing more:
 * every other dependency is optional or test-only. Fails when somebody adds one.
 */
class DependencyTest {

    @Test
    void theLibrarysCompileDependenciesAreDroolsAndSlf4jOnly() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element project = pom.getDocumentElement();
        List<String> inherited = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (Element dependency : children(child(project, "dependencies"), "dependency")) {
            String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            boolean isOptional = "true".equals(text(dependency, "optional"));
            if (scope.equals("test") || scope.equals("provided")) {
                continue;
            }
            (isOptional ? optional : inherited).add(coordinates);
        }
        assertThat(inherited).as("dependencies an embedding application inherits")
                .containsExactlyInAnyOrder("org.drools:drools-core", "org.drools:drools-mvel", "org.drools:drools-model-compiler",
                        "org.drools:drools-tms",
                        "org.slf4j:slf4j-api");
        assertThat(optional).as("optional dependencies (command line, test kit, annotations)")
                .containsExactlyInAnyOrder("org.jspecify:jspecify", "com.fasterxml.jackson.core:jackson-databind",
                        "info.picocli:picocli", "org.slf4j:slf4j-nop", "org.assertj:assertj-core",
                        "org.junit.jupiter:junit-jupiter-api");
    }

    @Test
    void noSlf4jBindingReachesEmbeddingApplications() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        for (Element dependency : children(child(pom.getDocumentElement(), "dependencies"), "dependency")) {
            if (text(dependency, "artifactId").matches("slf4j-(nop|simple|reload4j|jdk14)|logback-classic")) {
                assertThat(text(dependency, "optional")).as(text(dependency, "artifactId") + " must be optional").isEqualTo("true");
            }
        }
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent, name)) {
            return e;
        }
        throw new AssertionError("pom.xml has no <" + name + ">");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }
}
