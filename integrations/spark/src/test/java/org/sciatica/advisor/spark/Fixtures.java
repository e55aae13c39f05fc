package org.sciatica.advisor.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import org.sciatica.advisor.cli.Main;

/** What the Spark tests share: a small local session, the repository's rules and examples, the command line as reference. */
final class Fixtures {
    /** The repository's root (its rules/ and examples/), from the build. */
    static final Path ROOT = Path.of(System.getProperty("advisor.root", "../..")).toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** A session for one test class: two cores, no UI, on the loopback address only. */
    static SparkSession session(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    /** What the library's command line prints to standard output, and its exit code. */
    record Cli(int exitCode, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    /** The command line run in-process with {@code args} (a subcommand: {@code batch}, {@code impact}); it must warn of nothing deprecated. */
    static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err);
        Cli cli = new Cli(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        if (cli.err().contains("deprecated")) {
            throw new AssertionError("the reference run used a deprecated form: " + cli.err());
        }
        return cli;
    }

    /** The part files of a Spark text output, in name order, one after the other. */
    static byte[] concatenatedParts(Path dir) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path part : parts(dir)) {
            all.writeBytes(Files.readAllBytes(part));
        }
        return all.toByteArray();
    }

    static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** A copy of the repository's rules/ (every file) in {@code dir}, without the rule {@code ruleId} when not null. */
    static Path rulesWithout(String ruleId, Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean found = false;
        try (Stream<Path> files = Files.list(ROOT.resolve("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file);
                int id = ruleId == null ? -1 : text.indexOf("@id(\"" + ruleId + "\")");
                if (id >= 0 && file.toString().endsWith(".drl")) {
                    int start = text.lastIndexOf("\nrule \"", id) + 1;
                    int end = text.indexOf("\nend\n", id) + "\nend\n".length();
                    text = text.substring(0, start) + text.substring(end);
                    found = true;
                }
                Files.writeString(dir.resolve(file.getFileName()), text);
            }
        }
        if (ruleId != null && !found) {
            throw new IllegalArgumentException("no rule " + ruleId + " in " + ROOT.resolve("rules"));
        }
        return dir;
    }

    static Path rulesCopy(Path dir) throws IOException {
        return rulesWithout(null, dir);
    }

    /** examples/batch.jsonl, line by line. */
    static List<String> examples() throws IOException {
        return Files.readAllLines(ROOT.resolve("examples/batch.jsonl"));
    }
}
