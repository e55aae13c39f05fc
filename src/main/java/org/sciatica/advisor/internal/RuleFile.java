package org.sciatica.advisor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;

/**
 * The text of one DRL file and the name it is reported under.
 *
 * @param name    the file as a user knows it: {@code rules/10-red-flags.drl} or the path given
 * @param content the DRL text
 */
public record RuleFile(String name, String content) {
    private static final String BUNDLED = "org/sciatica/advisor/rules/";

    public RuleFile {
        java.util.Objects.requireNonNull(name, "name must not be null");
        java.util.Objects.requireNonNull(content, "content must not be null");
    }

    /**
     * True for a DRL rule file.
     *
     * @return whether the name ends in {@code .drl}
     */
    public boolean isDrl() {
        return name.endsWith(".drl");
    }

    /**
     * True for a sources registry ({@code sources.csv}).
     *
     * @return whether this file is a sources registry
     */
    public boolean isSourceRegistry() {
        return baseName().equals(SourceRegistry.FILE_NAME);
    }

    /**
     * True for a file of deliberate departures from the safety table ({@code safety-departures.csv}).
     *
     * @return whether this file lists safety departures
     */
    public boolean isSafetyDepartures() {
        return baseName().equals(SafetyMonitor.DEPARTURES_FILE);
    }

    /**
     * True for a clinic's vocabulary ({@code vocabulary.csv}): its findings and warning codes.
     *
     * @return whether this file declares a clinic vocabulary
     */
    public boolean isVocabulary() {
        return baseName().equals(ClinicVocabulary.FILE_NAME);
    }

    private String baseName() {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /**
     * The names the bundled rule files are reported under ({@code rules/10-red-flags.drl}, ...).
     *
     * @return the names, without reading the files
     */
    public static java.util.Set<String> bundledNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String line : read(RuleFile.class.getClassLoader(), BUNDLED + "index.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                names.add("rules/" + file);
            }
        }
        return names;
    }

    /** The rule files that ship inside the jar, in load order (listed in {@code rules/index.txt}). */
    public static List<RuleFile> bundled() {
        ClassLoader loader = RuleFile.class.getClassLoader();
        List<RuleFile> files = new ArrayList<>();
        for (String line : read(loader, BUNDLED + "index.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                files.add(new RuleFile("rules/" + file, read(loader, BUNDLED + file)));
            }
        }
        files.add(new RuleFile("rules/" + SourceRegistry.FILE_NAME, read(loader, BUNDLED + SourceRegistry.FILE_NAME)));
        return files;
    }

    /**
     * Every {@code .drl} file directly in a directory, in name order, then its sources registry
     * ({@code sources.csv}), its vocabulary ({@code vocabulary.csv}) and its safety departures
     * ({@code safety-departures.csv}) where present.
     *
     * @throws RuleLoadException when the directory does not exist, is not a directory, holds no
     *                           rule file or cannot be read
     */
    public static List<RuleFile> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw problem(dir, Files.exists(dir) ? "not a directory" : "no such directory");
        }
        List<Path> drl;
        try (Stream<Path> entries = Files.list(dir)) {
            drl = entries.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw problem(dir, "cannot list the directory: " + e.getMessage());
        }
        if (drl.isEmpty()) {
            throw problem(dir, "no .drl rule file in this directory");
        }
        List<RuleFile> files = new ArrayList<>();
        List<Path> extra = new ArrayList<>();
        for (String name : List.of(SourceRegistry.FILE_NAME, ClinicVocabulary.FILE_NAME, SafetyMonitor.DEPARTURES_FILE)) {
            if (Files.isRegularFile(dir.resolve(name))) {
                extra.add(dir.resolve(name));
            }
        }
        for (Path p : java.util.stream.Stream.concat(drl.stream(), extra.stream()).toList()) {
            try {
                files.add(new RuleFile(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw problem(p, "cannot read the file: " + e.getMessage());
            } catch (UncheckedIOException e) {
                IOException cause = e.getCause();
                throw problem(p, "cannot read the file: " + (cause != null ? cause.getMessage() : e.getMessage()));
            }
        }
        return files;
    }

    private static RuleLoadException problem(Path path, String message) {
        return new RuleLoadException(List.of(new RuleProblem(path.toString(), 0, 0, message)));
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled rule resource missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled rule resource " + resource, e);
        }
    }
}
