package org.sciatica.advisor.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;

/**
 * Precompiles a clinic's rule directory into the executable model, in the clinic's build (see
 * {@code org.sciatica.advisor.tools.PrecompileRules}). Needs {@code drools-model-codegen} on the
 * class path, which the library itself does not bring: only this class uses it.
 */
public final class ModelGenerator {
    /** Every entry of the model's jar carries this time, so the same rules make the same jar. */
    private static final long ENTRY_TIME = 1_764_979_200_000L; // 2025-12-06T00:00:00Z

    private ModelGenerator() {
    }

    /**
     * Writes into {@code out} a copy of the rule directory {@code in} (its {@code .drl} files,
     * {@code sources.csv}, {@code vocabulary.csv}, {@code safety-departures.csv}) and
     * {@value DirectoryModel#JAR}, their executable model with the digest of the {@code .drl}
     * files it was made from. {@code out} may be {@code in}: then only the jar is written.
     *
     * @param in  the clinic's rule directory
     * @param out where the precompiled rule directory goes; made if missing
     * @return the number of {@code .drl} files in the model
     * @throws RuleLoadException when the directory cannot be read or its rules do not compile
     *                           (each problem as file, line and column); nothing is written then
     * @throws IOException       when the output cannot be written
     */
    public static int precompile(Path in, Path out) throws IOException {
        List<RuleFile> files = RuleFile.directory(in);
        List<RuleFile> drl = files.stream().filter(RuleFile::isDrl).toList();
        // One rule after another, never in parallel: parallel code generation numbers the generated
        // classes in whatever order the threads finish, and the jar would differ between builds.
        System.setProperty("drools.parallelRulesBuildThreshold", String.valueOf(Integer.MAX_VALUE));
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(ks.newReleaseId("org.sciatica", "sciatica-advisor-clinic-rules", "1"));
        for (RuleFile file : drl) {
            kfs.write("src/main/resources/" + DirectoryModel.baseName(file.name()), file.content());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            // The problems a load would report (file, line and column, in the library's words), where it finds them.
            List<RuleFile> loaded = new ArrayList<>(RuleFile.bundled());
            loaded.addAll(files);
            try {
                RuleBase.compile(loaded, "precompile", false, new RuleBase.Options(true, true));
            } catch (RuleLoadException e) {
                List<RuleProblem> own = e.problems().stream().filter(p -> files.stream().anyMatch(f -> f.name().equals(p.file()))).toList();
                if (!own.isEmpty()) {
                    throw new RuleLoadException(own);
                }
            }
            List<RuleProblem> problems = new ArrayList<>();
            for (Message e : errors) {
                String path = e.getPath() == null ? in.toString() : in.resolve(DirectoryModel.baseName(e.getPath())).toString();
                problems.add(new RuleProblem(path, e.getLine(), e.getColumn(), e.getText().strip()));
            }
            throw new RuleLoadException(problems);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        List<String> models = new ArrayList<>();
        byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    classes.put(name, zip.readAllBytes());
                } else if (name.endsWith("/drools-model")) {
                    for (String l : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                        if (!l.isBlank() && !l.startsWith("Drools-Model-Version")) {
                            models.add(l.strip());
                        }
                    }
                }
            }
        }
        if (classes.isEmpty() || models.isEmpty()) {
            throw new IllegalStateException("the executable model build of " + in + " produced no classes");
        }
        Files.createDirectories(out);
        boolean same = Files.isSameFile(in, out);
        Path jar = out.resolve(DirectoryModel.JAR);
        Path partial = Files.createTempFile(out, DirectoryModel.JAR, ".part");
        try (OutputStream file = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(file)) {
            String properties = "# Made by org.sciatica.advisor.tools.PrecompileRules; do not edit.\n"
                    + "models=" + String.join(",", models) + "\n"
                    + "digest=" + DirectoryModel.digest(drl) + "\n"
                    + "files=" + String.join(" ", drl.stream().map(f -> DirectoryModel.baseName(f.name())).toList()) + "\n";
            put(zip, DirectoryModel.PROPERTIES, properties.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                put(zip, c.getKey(), c.getValue());
            }
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
        if (!same) {
            // The copy holds exactly the directory's rule files: a .drl left from an earlier run would not be in the model.
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".drl")).toList()) {
                    Files.delete(p);
                }
            }
            for (RuleFile file : files) {
                Files.writeString(out.resolve(DirectoryModel.baseName(file.name())), file.content(), StandardCharsets.UTF_8);
            }
        }
        return drl.size();
    }

    private static void put(JarOutputStream zip, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
