package org.sciatica.advisor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled rules, precompiled at build time into the Drools executable model (see
 * {@code ExecutableModelGenerator} in the build). Building a rule base from it takes a fraction of
 * compiling the DRL; it is used only when it was made from exactly the bundled rule texts.
 */
public final class ExecutableModel {
    /** Where the generated classes live. */
    public static final String PACKAGE_PATH = "org/sciatica/advisor/internal/rules/";
    /** Names the model classes and the digest of the rule texts they were made from. */
    public static final String PROPERTIES = PACKAGE_PATH + "executable-model.properties";

    private static final Logger LOG = LoggerFactory.getLogger(ExecutableModel.class);

    private ExecutableModel() {
    }

    /**
     * The bundled rules' models, or null when there are none for exactly these bundled rule texts
     * (then the caller compiles the DRL, and a warning says why).
     */
    static @Nullable List<Model> bundled(String bundledDigest) {
        Properties properties = new Properties();
        try (InputStream in = ExecutableModel.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                LOG.warn("this jar holds no precompiled rules (built without the generator, for example with"
                        + " -Dmaven.test.skip=true); compiling the bundled rules from DRL, which takes seconds");
                return null;
            }
            properties.load(in);
        } catch (IOException e) {
            LOG.warn("cannot read {}; compiling the rules instead", PROPERTIES, e);
            return null;
        }
        if (!bundledDigest.equals(properties.getProperty("digest"))) {
            LOG.warn("the bundled rule files differ from the ones precompiled into this jar (edited, or a jar built"
                    + " without the generator); compiling the rules from DRL instead, which starts slower");
            return null;
        }
        try {
            List<Model> models = instances(properties.getProperty("models", ""), ExecutableModel.class.getClassLoader());
            return models.isEmpty() ? null : models;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("cannot load the precompiled rules; compiling the rules instead", e);
            return null;
        }
    }

    /** The models named, comma-separated, in {@code names}, made from their classes in {@code loader}. */
    static List<Model> instances(String names, ClassLoader loader) throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                models.add((Model) Class.forName(name.strip(), true, loader).getConstructor().newInstance());
            }
        }
        return models;
    }

    /** One rule base from these models (the bundled rules' and any clinic directory's), in order. */
    static KieBase build(List<Model> models, org.kie.api.@Nullable KieBaseConfiguration configuration) {
        return configuration == null ? KieBaseBuilder.createKieBaseFromModel(models)
                : KieBaseBuilder.createKieBaseFromModel(models, configuration);
    }
}
