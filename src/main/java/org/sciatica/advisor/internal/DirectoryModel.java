package org.sciatica.advisor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.drools.model.Model;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's rule directory precompiled in the clinic's own build ({@code PrecompileRules}): the
 * executable model of its {@code .drl} files in {@value #JAR} beside them, with the digest of the
 * files it was made from. Used only when that digest is the one of the files the directory holds now.
 */
final class DirectoryModel {
    /** The model's jar, in the rule directory. */
    static final String JAR = "sciatica-advisor-model.jar";
    /** The jar entry naming the model classes and the digest of the rule files they were made from. */
    static final String PROPERTIES = "META-INF/sciatica-advisor-model.properties";

    /**
     * What loading a directory's model gave: its models, or why they cannot be used.
     *
     * @param models  the models, or null when the directory's rules must be compiled from DRL
     * @param problem why not, naming the directory; null when the models load
     * @param present true when the directory holds a model (stale or unusable when {@code models} is null)
     */
    record Loaded(@Nullable List<Model> models, @Nullable String problem, boolean present) {
    }

    private DirectoryModel() {
    }

    /**
     * The digest a directory's model carries: the {@code .drl} files' names without their
     * directory, and their texts, in load order; copying the directory elsewhere keeps it.
     */
    static String digest(List<RuleFile> drlFiles) {
        return RuleBase.digest(drlFiles.stream().map(f -> new RuleFile(baseName(f.name()), f.content())).toList());
    }

    static String baseName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** The directory's model when it holds one made from exactly these {@code .drl} files. */
    static Loaded load(Path dir, List<RuleFile> drlFiles) {
        Path jar = dir.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            return new Loaded(null, dir + ": no precompiled model (" + JAR + "), so its rules are compiled from DRL", false);
        }
        Properties properties = new Properties();
        Set<String> classes = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(PROPERTIES);
            if (entry == null) {
                return unusable(dir, "it has no " + PROPERTIES);
            }
            try (InputStream in = file.getInputStream(entry)) {
                properties.load(in);
            }
            file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                    .forEach(n -> classes.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
        } catch (IOException e) {
            return unusable(dir, "it cannot be read (" + e.getMessage() + ")");
        }
        String made = properties.getProperty("digest", "");
        if (!made.equals(digest(drlFiles))) {
            return new Loaded(null, dir + ": the precompiled model (" + JAR + ") is stale: it was made from other .drl files ("
                    + properties.getProperty("files", "?") + ") than the directory holds now, so its rules are compiled"
                    + " from DRL instead; precompile them again", true);
        }
        try {
            ClassLoader loader = new ModelLoader(jar.toUri().toURL(), classes, DirectoryModel.class.getClassLoader());
            List<Model> models = ExecutableModel.instances(properties.getProperty("models", ""), loader);
            return models.isEmpty() ? unusable(dir, "it names no model class") : new Loaded(models, null, true);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException | IOException e) {
            return unusable(dir, "it cannot be loaded (" + e + "); made with another version of the library?");
        }
    }

    private static Loaded unusable(Path dir, String why) {
        return new Loaded(null, dir + ": the precompiled model (" + JAR + ") is not used: " + why
                + ", so its rules are compiled from DRL instead; precompile them again", true);
    }

    /**
     * Loads the model's own classes from its jar first, everything else from the library's loader:
     * a clinic's rules in the bundled rules' package may have generated classes of the same names.
     */
    private static final class ModelLoader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final Set<String> own;

        ModelLoader(URL jar, Set<String> own, ClassLoader parent) {
            super(new URL[] {jar}, parent);
            this.own = Set.copyOf(own);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own.contains(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
