package org.sciatica.advisor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RuleInfo;

/** Compiled rules plus the assembler: what the public facade delegates to. Thread-safe. */
public final class Engine {
    private final RuleBase rules;
    private final Assembler assembler;

    private Engine(RuleBase rules) {
        this.rules = rules;
        this.assembler = new Assembler(rules);
    }

    /** Compiles the files into an engine; see {@link RuleBase#compile}. */
    public static Engine compile(List<RuleFile> files) {
        return new Engine(RuleBase.compile(files, productVersion()));
    }

    /** Compiles the DRL even where a precompiled model exists: for comparing the two. */
    static Engine compileFromDrl(List<RuleFile> files) {
        return new Engine(RuleBase.compile(files, productVersion(), false));
    }

    /** Evaluates one assessment in a fresh, always disposed, rule session. */
    public Recommendation advise(Assessment assessment) {
        return assembler.assemble(assessment, Evaluation.run(rules, assessment));
    }

    RuleBase rules() {
        return rules;
    }

    Assembler assembler() {
        return assembler;
    }

    public List<RuleInfo> catalog() {
        return rules.catalog();
    }

    public String version() {
        return rules.version();
    }

    /** The library version, from the jar's build properties. */
    public static String productVersion() {
        try (InputStream in = Engine.class.getClassLoader().getResourceAsStream("sciatica-advisor.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sciatica-advisor.properties", e);
        }
    }
}
