package org.sciatica.advisor.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Build step, not a test: the API gate. Reads the report japicmp wrote comparing this build's public
 * API with the last release's (execution {@code api-gate} of the pom) and fails the build when an
 * incompatible change is not allowed:
 * <ul>
 *   <li>the version must say so: a new major version, or, while the major version is 0, a new minor
 *       version (0.1.x to 0.2.0); a patch release may break nothing;</li>
 *   <li>and the migration guide must name it: every incompatible class or member appears in
 *       {@code docs/MIGRATING.md} as written by {@link Change#name()}: {@code org.sciatica.advisor.cli.AssessmentJson}
 *       for a class, {@code Warning.code()} for a method, {@code new Warning(} for a constructor,
 *       {@code WarningCode.REDUCED_HEAT_SENSATION} for a field.</li>
 * </ul>
 * Run by Maven in verify, after japicmp: {@code ApiGate REPORT.xml BASELINE_VERSION VERSION MIGRATING.md}.
 */
public final class ApiGate {
    private ApiGate() {
    }

    /** One incompatible change japicmp reported. */
    record Change(String name, String what) {
        @Override
        public String toString() {
            return name + " (" + what + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ApiGate REPORT.xml BASELINE_VERSION VERSION MIGRATING.md");
        }
        List<Change> changes = incompatibleChanges(Path.of(args[0]));
        String guide = Files.isRegularFile(Path.of(args[3])) ? Files.readString(Path.of(args[3]), StandardCharsets.UTF_8) : "";
        List<String> problems = problems(changes, args[1], args[2], guide, args[3]);
        if (!problems.isEmpty()) {
            System.err.println("API gate: the public API changed incompatibly since " + args[1] + ":");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.println("API gate: " + changes.size() + " incompatible changes since " + args[1]
                + ", each allowed by version " + args[2] + " and named in " + args[3]);
    }

    /**
     * What fails the gate: every change when the version does not allow breaking changes, else every
     * change the guide does not name. Empty when the gate passes.
     */
    static List<String> problems(List<Change> changes, String baseline, String version, String guide, String guideName) {
        List<String> problems = new ArrayList<>();
        if (changes.isEmpty()) {
            return problems;
        }
        if (!mayBreak(baseline, version)) {
            for (Change c : changes) {
                problems.add(c + ": version " + version + " may not break the API of " + baseline
                        + " (a breaking change needs a new " + (major(baseline) == 0 ? "minor" : "major") + " version)");
            }
            return problems;
        }
        for (Change c : changes) {
            if (!guide.contains(c.name())) {
                problems.add(c + ": not named in " + guideName + " (write \"" + c.name() + "\" with its before and after)");
            }
        }
        return problems;
    }

    /** Semantic versioning, with 0.x's rule: a new minor version may break while the major version is 0. */
    static boolean mayBreak(String baseline, String version) {
        int[] from = parts(baseline);
        int[] to = parts(version);
        if (to[0] != from[0]) {
            return to[0] > from[0];
        }
        return to[0] == 0 && to[1] > from[1];
    }

    private static int major(String version) {
        return parts(version)[0];
    }

    private static int[] parts(String version) {
        String[] p = version.replaceFirst("-.*$", "").split("\\.");
        if (p.length < 2) {
            throw new IllegalArgumentException("version: \"" + version + "\" is not MAJOR.MINOR.PATCH");
        }
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /** Every incompatible change in a japicmp XML report, in the report's order, each once. */
    static List<Change> incompatibleChanges(Path report) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(report.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(report + ": not a japicmp XML report: " + e.getMessage(), e);
        }
        Set<Change> changes = new LinkedHashSet<>();
        for (Element type : children(doc.getDocumentElement(), "classes", "class")) {
            if (compatible(type)) {
                continue;
            }
            String className = type.getAttribute("fullyQualifiedName");
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String shortName = simple.substring(simple.lastIndexOf('$') + 1);
            String status = type.getAttribute("changeStatus");
            if (status.equals("REMOVED")) {
                changes.add(new Change(className.replace('$', '.'), "class removed"));
                continue;
            }
            for (Element change : children(type, "compatibilityChanges", "compatibilityChange")) {
                if (!compatible(change)) {
                    changes.add(new Change(simple.replace('$', '.'), change.getAttribute("type")));
                }
            }
            for (Element member : children(type, "constructors", "constructor")) {
                if (!compatible(member)) {
                    changes.add(new Change("new " + shortName + "(", what(member)));
                }
            }
            for (Element member : children(type, "methods", "method")) {
                if (!compatible(member)) {
                    changes.add(new Change(shortName + "." + member.getAttribute("name") + "(", what(member)));
                }
            }
            for (Element member : children(type, "fields", "field")) {
                if (!compatible(member)) {
                    changes.add(new Change(shortName + "." + member.getAttribute("name"), what(member)));
                }
            }
        }
        return List.copyOf(changes);
    }

    private static String what(Element member) {
        List<String> types = new ArrayList<>();
        for (Element change : children(member, "compatibilityChanges", "compatibilityChange")) {
            if (!compatible(change)) {
                types.add(change.getAttribute("type"));
            }
        }
        return types.isEmpty() ? member.getAttribute("changeStatus") : String.join(", ", types);
    }

    private static boolean compatible(Element e) {
        return !"false".equals(e.getAttribute("binaryCompatible")) && !"false".equals(e.getAttribute("sourceCompatible"));
    }

    /** The {@code item} elements of the direct child {@code group} of {@code parent}. */
    private static List<Element> children(Element parent, String group, String item) {
        List<Element> found = new ArrayList<>();
        for (Node g = parent.getFirstChild(); g != null; g = g.getNextSibling()) {
            if (g instanceof Element ge && ge.getTagName().equals(group)) {
                for (Node n = ge.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals(item)) {
                        found.add(e);
                    }
                }
            }
        }
        return found;
    }
}
