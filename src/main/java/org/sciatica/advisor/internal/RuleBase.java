package org.sciatica.advisor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.RuleStatus;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.WarningCode;
import org.jspecify.annotations.Nullable;

/**
 * Compiled rules: the shareable {@link KieBase} and the catalog of rules read from their metadata.
 * Immutable and safe to share between threads.
 */
public final class RuleBase {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleBase.class);
    private final KieBase kieBase;
    /** Sessions for evaluations, reset between uses; made on the first evaluation. */
    private volatile org.kie.api.runtime.@Nullable KieSessionsPool sessions;
    /** The sessions' configuration ({@link DroolsOptions}), or null for Drools' defaults. */
    private final org.kie.api.runtime.@Nullable KieSessionConfiguration sessionConfiguration;
    private final List<RuleInfo> catalog;
    private final Map<String, Integer> positionById;
    private final Map<String, RuleInfo> infoByKey;
    /** The same entries by rule instance: the lookup on every fact a rule inserts, so no string keys. */
    private final Map<Rule, RuleInfo> infoByRule;
    private final Map<String, RuleInfo> infoById;
    private final String version;
    private final boolean precompiled;
    private final Map<String, Source> sources;
    private final List<SafetyMonitor.Departure> departures;
    private final ClinicVocabulary vocabulary;
    private final boolean withDrafts;
    /** A rule and the rule that replaces it on the dates that rule is in force (a replacement with dates). */
    private final Map<RuleInfo, RuleInfo> replacedWhileInForce;
    /** True when every rule applies on every date: no filter is needed when the rules run. */
    private final boolean alwaysInForce;
    /** Rule directories whose precompiled model was stale or unusable, each with why: compiled from DRL. */
    private final List<String> loadWarnings;
    /** The added rule directories whose rules came from their precompiled model, in load order. */
    private final List<java.nio.file.Path> modelDirectories;

    /** How rules load: whether a protected rule may be replaced, and whether draft rules run. */
    public record Options(boolean replaceProtected, boolean withDrafts) {
        /** The defaults: no protected rule replaced, no draft run. */
        public static final Options DEFAULT = new Options(false, false);
    }

    private RuleBase(KieBase kieBase, List<RuleInfo> catalog, Map<String, RuleInfo> infoByKey, String version,
                     boolean precompiled, SourceRegistry registry, List<SafetyMonitor.Departure> departures,
                     ClinicVocabulary vocabulary, boolean withDrafts, Map<RuleInfo, RuleInfo> replacedWhileInForce,
                     List<String> loadWarnings, List<java.nio.file.Path> modelDirectories,
                     org.kie.api.runtime.@Nullable KieSessionConfiguration sessionConfiguration) {
        this.kieBase = kieBase;
        this.sessionConfiguration = sessionConfiguration;
        this.loadWarnings = List.copyOf(loadWarnings);
        this.modelDirectories = List.copyOf(modelDirectories);
        this.withDrafts = withDrafts;
        this.replacedWhileInForce = new java.util.IdentityHashMap<>(replacedWhileInForce);
        this.alwaysInForce = replacedWhileInForce.isEmpty() && catalog.stream().allMatch(r -> r.effective() == null
                && r.expiry() == null && (r.status() == RuleStatus.ACTIVE || r.status() == RuleStatus.DRAFT && withDrafts));
        this.vocabulary = vocabulary;
        this.sources = new HashMap<>();
        for (Source source : registry.entries()) {
            sources.put(source.id(), source);
        }
        this.departures = List.copyOf(departures);
        this.precompiled = precompiled;
        this.catalog = List.copyOf(catalog);
        this.infoByKey = new HashMap<>(infoByKey);
        this.infoByRule = new java.util.IdentityHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = infoByKey.get(key(rule));
                if (info != null) {
                    infoByRule.put(rule, info);
                }
            }
        }
        this.version = version;
        Map<String, Integer> positions = new HashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            positions.put(catalog.get(i).id(), i);
            byId.put(catalog.get(i).id(), catalog.get(i));
        }
        this.positionById = positions;
        this.infoById = byId;
    }

    /**
     * Compiles the files, in order, into one rule base and checks every rule's metadata.
     *
     * @param files          the DRL files
     * @param productVersion the library version, the first part of {@link #version()}
     * @throws RuleLoadException listing every compile error and every metadata problem
     */
    public static RuleBase compile(List<RuleFile> files, String productVersion) {
        return compile(files, productVersion, true, Options.DEFAULT);
    }

    /**
     * As {@link #compile(List, String)}, and says whether a rule may replace a protected one.
     *
     * @param files             the rule files
     * @param productVersion    the library version
     * @param replaceProtected  true to allow {@code @replaces} on a rule marked {@code @protect}
     * @return the rule base
     */
    public static RuleBase compile(List<RuleFile> files, String productVersion, boolean replaceProtected) {
        return compile(files, productVersion, true, new Options(replaceProtected, false));
    }

    /**
     * As {@link #compile(List, String)}, with the load options.
     *
     * @param files          the rule files
     * @param productVersion the library version
     * @param options        whether a protected rule may be replaced and whether drafts run
     * @return the rule base
     */
    public static RuleBase compile(List<RuleFile> files, String productVersion, Options options) {
        return compile(files, productVersion, true, options);
    }

    /** As {@link #compile(List, String)}; with {@code precompiledAllowed} false, always compiles the DRL. */
    static RuleBase compile(List<RuleFile> allFiles, String productVersion, boolean precompiledAllowed, Options options) {
        return compile(allFiles, productVersion, precompiledAllowed, options, DroolsOptions.CHOSEN);
    }

    /** As {@link #compile(List, String, boolean, Options)}, with these Drools options (the benchmarks compare others). */
    static RuleBase compile(List<RuleFile> allFiles, String productVersion, boolean precompiledAllowed, Options options,
                            DroolsOptions drools) {
        boolean replaceProtected = options.replaceProtected();
        List<RuleFile> files = allFiles.stream().filter(RuleFile::isDrl).toList();
        List<RuleProblem> problems = new ArrayList<>();
        SourceRegistry sources = new SourceRegistry();
        for (RuleFile file : allFiles) {
            if (file.isSourceRegistry()) {
                sources.read(file, problems);
            }
        }
        List<SafetyMonitor.Departure> departures = new ArrayList<>();
        ClinicVocabulary vocabulary = new ClinicVocabulary();
        for (RuleFile file : allFiles) {
            if (file.isSafetyDepartures()) {
                departures.addAll(SafetyMonitor.Departure.read(file, problems));
            } else if (file.isVocabulary()) {
                vocabulary.read(file, problems);
            }
        }
        // Clinic findings are checked in the text, whether or not the files compile.
        for (RuleFile file : files) {
            if (RuleChecks.mayNameAFinding(file.content())) {
                RuleChecks.clinicFindings(file, new DrlText(file.content()), vocabulary, problems);
            }
        }
        java.util.Set<String> bundledNames = RuleFile.bundledNames();
        String bundledDigest = digest(files.stream().filter(f -> bundledNames.contains(f.name())).toList());
        // The bundled rules come from the model precompiled into the jar when their texts are the
        // ones it was made from and they load first; only the files a clinic added are compiled.
        int bundledCount = 0;
        while (bundledCount < files.size() && bundledNames.contains(files.get(bundledCount).name())) {
            bundledCount++;
        }
        boolean bundledFirst = bundledCount > 0 && files.stream().skip(bundledCount).noneMatch(f -> bundledNames.contains(f.name()));
        List<org.drools.model.Model> models = new ArrayList<>();
        List<org.drools.model.Model> bundledModels = precompiledAllowed && bundledFirst ? ExecutableModel.bundled(bundledDigest) : null;
        boolean precompiled = bundledModels != null;
        int fromModels = 0; // files before this index come from the models
        if (bundledModels != null) {
            models.addAll(bundledModels);
            fromModels = bundledCount;
        }
        // Then each added directory, in order, from the model precompiled in the clinic's build when it
        // holds one made from exactly its .drl files; from the first that has none, the rest are compiled.
        List<String> loadWarnings = new ArrayList<>();
        List<java.nio.file.Path> modelDirectories = new ArrayList<>();
        boolean modelsSoFar = precompiledAllowed && (precompiled || bundledCount == 0);
        int start = bundledCount;
        while (precompiledAllowed && start < files.size()) {
            java.nio.file.Path dir = java.nio.file.Path.of(files.get(start).name()).getParent();
            int end = start + 1;
            while (end < files.size() && java.util.Objects.equals(dir, java.nio.file.Path.of(files.get(end).name()).getParent())) {
                end++;
            }
            if (dir != null) {
                DirectoryModel.Loaded loaded = modelsSoFar ? DirectoryModel.load(dir, files.subList(start, end))
                        : java.nio.file.Files.isRegularFile(dir.resolve(DirectoryModel.JAR))
                        ? new DirectoryModel.Loaded(null, dir + ": the precompiled model (" + DirectoryModel.JAR + ") is not used:"
                                + " rules loaded before it were compiled from DRL, so its rules are compiled from DRL too", true)
                        : new DirectoryModel.Loaded(null, null, false);
                List<org.drools.model.Model> found = loaded.models();
                if (found != null) {
                    modelDirectories.add(dir);
                    models.addAll(found);
                    fromModels = end;
                } else {
                    modelsSoFar = false;
                    if (loaded.problem() != null) {
                        LOG.warn("{}", loaded.problem());
                        if (loaded.present()) {
                            loadWarnings.add(loaded.problem());
                        }
                    }
                }
            } else {
                modelsSoFar = false;
            }
            start = end;
        }
        org.kie.api.KieBaseConfiguration kieBaseConfiguration = drools.kieBaseConfiguration(RuleBase.class.getClassLoader());
        KieBase kieBase = models.isEmpty() ? null : ExecutableModel.build(models, kieBaseConfiguration);
        try {
            if (kieBase == null) {
                kieBase = kieBaseConfiguration == null ? compileDrl(files, null, vocabulary)
                        : compileDrl(files, org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(kieBaseConfiguration),
                                vocabulary);
            } else if (fromModels < files.size()) {
                compileDrl(files.subList(fromModels, files.size()), kieBase, vocabulary);
            }
        } catch (RuleLoadException e) {
            // Every problem in one round: what the rules' text says is checked too, as it would be
            // on the compiled rules, with the registry and vocabulary problems already found.
            problems.addAll(e.problems());
            RuleChecks.fromText(files, allFiles, sources, vocabulary, problems);
            throw new RuleLoadException(inOrder(problems, allFiles));
        }
        // Problems of the registry, the vocabulary or a clinic finding found so far are reported
        // with those of the compiled rules, once every rule has been checked.

        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.add((RuleImpl) rule);
            }
        }
        // Where each rule is declared: its file and line, found once (files can hold thousands of rules).
        List<Located> located = new ArrayList<>();
        for (RuleImpl rule : rules) {
            String file = fileOf(files, rule);
            int[] at = declaration(files, file, rule.getName());
            located.add(new Located(rule, file, indexOf(files, file), at));
        }
        located.sort(Comparator.comparingInt(Located::fileIndex).thenComparingInt(r -> r.at()[0]));

        List<RuleInfo> catalog = new ArrayList<>();
        Map<String, RuleInfo> byKey = new HashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        Map<String, Located> implById = new HashMap<>();
        Map<Located, String> replacing = new java.util.LinkedHashMap<>();
        Map<RuleInfo, RuleInfo> replacedWhileInForce = new java.util.IdentityHashMap<>();
        for (Located where : located) {
            RuleImpl rule = where.rule();
            String file = where.file();
            int[] at = where.at();
            String id = metadata(rule, "id");
            String source = metadata(rule, "source");
            Source registered = RuleChecks.idAndSource(file, at, rule.getName(), id, source, sources, allFiles, problems);
            if (id == null || registered == null) {
                continue;
            }
            int fileIndex = where.fileIndex();
            String text = fileIndex < files.size() ? files.get(fileIndex).content() : "";
            List<String> effects = new ArrayList<>(RuleEffects.of(text, at[0]));
            RuleChecks.weights(file, at, rule.getName(), text, problems);
            RuleChecks.alerts(file, at, rule.getName(), text, vocabulary, problems);
            String replaces = metadata(rule, "replaces");
            if (replaces != null) {
                replacing.put(where, replaces);
                effects.add(0, "replaces " + replaces);
            }
            String content = fileIndex < files.size() ? files.get(fileIndex).content() : "";
            Lifecycle.Read lifecycle = Lifecycle.read(rule, content, at, problems, file);
            if (lifecycle == null) {
                continue;
            }
            String hazards = metadata(rule, "hazards");
            RuleInfo info = new RuleInfo(id, rule.getName(), file, registered, effects, lifecycle.status(),
                    lifecycle.reviewed(), lifecycle.effective(), lifecycle.expiry(),
                    hazards == null ? List.of() : List.of(hazards.split("[\\s,;]+")), RuleEffects.texts(content, at[0]));
            RuleInfo clash = byId.putIfAbsent(id, info);
            if (clash != null) {
                problems.add(new RuleProblem(file, at[0], at[1], RuleChecks.reusedId(rule.getName(), id, clash.name(), clash.file())));
                continue;
            }
            catalog.add(info);
            byKey.put(key(rule), info);
            implById.put(id, where);
        }
        // @replaces("CI-08"): a rule added later takes the place of an earlier one, which is removed.
        for (Map.Entry<Located, String> r : replacing.entrySet()) {
            RuleImpl rule = r.getKey().rule();
            String file = r.getKey().file();
            int[] at = r.getKey().at();
            Located replacedAt = implById.get(r.getValue());
            if (replacedAt == null) {
                problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + rule.getName() + "\" replaces @id(\""
                        + r.getValue() + "\"), but no rule has that id"));
            } else if (replacedAt.fileIndex() >= r.getKey().fileIndex()) {
                problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + rule.getName() + "\" replaces @id(\""
                        + r.getValue() + "\"), which is not in an earlier file; a rule can only replace one loaded before it"));
            } else if (metadata(replacedAt.rule(), "protect") != null && !replaceProtected) {
                problems.add(new RuleProblem(file, at[0], at[1], "rule \"" + rule.getName() + "\" replaces @id(\""
                        + r.getValue() + "\"), a protected rule (" + metadata(replacedAt.rule(), "protect") + "); replacing it needs an"
                        + " explicit allowance: SciaticaAdvisor.builder().allowReplacingProtectedRules() in Java,"
                        + " --allow-replacing-protected-rules on the command line"));
            } else if (byKey.get(key(rule)) == null) {
                continue; // the replacing rule has problems of its own, already reported
            } else {
                RuleImpl target = replacedAt.rule();
                RuleInfo replacer = java.util.Objects.requireNonNull(byKey.get(key(rule)), "replacer");
                if (replacer.status() == RuleStatus.RETIRED || replacer.status() == RuleStatus.DRAFT && !options.withDrafts()) {
                    // A replacement that never runs replaces nothing: the earlier rule stays in force.
                    continue;
                }
                LOG.warn("rule {} ({}) replaces rule {} \"{}\"{}", replacer.id(), file, r.getValue(), target.getName(),
                        metadata(target, "protect") != null ? ", a protected rule (allowed explicitly)" : "");
                implById.remove(r.getValue());
                RuleInfo replaced = java.util.Objects.requireNonNull(byKey.get(key(target)), "the replaced rule's entry");
                if (replacer.effective() == null && replacer.expiry() == null) {
                    kieBase.removeRule(target.getPackageName(), target.getName());
                    byKey.remove(key(target));
                    catalog.remove(replaced);
                } else {
                    // A replacement with dates: the earlier rule stays, and gives way on the dates the replacement applies.
                    List<String> effects = new ArrayList<>(replaced.effects());
                    effects.add("gives way to " + replacer.id() + " while " + replacer.id() + " is in force");
                    RuleInfo kept = new RuleInfo(replaced.id(), replaced.name(), replaced.file(), replaced.source(), effects,
                            replaced.status(), replaced.reviewed(), replaced.effective(), replaced.expiry(), replaced.hazards(),
                            replaced.texts());
                    catalog.set(catalog.indexOf(replaced), kept);
                    byKey.put(key(target), kept);
                    replacedWhileInForce.put(kept, replacer);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleLoadException(inOrder(problems, allFiles));
        }
        return new RuleBase(kieBase, catalog, byKey, productVersion + "+" + digest(allFiles), precompiled,
                sources, departures, vocabulary, options.withDrafts(), replacedWhileInForce, loadWarnings, modelDirectories,
                drools.sessionConfiguration());
    }

    /**
     * Compiles DRL text, into {@code into} when given (added rule files on top of the precompiled
     * bundled ones), else into a new rule base; every compile error is reported with file, line
     * and column.
     */
    private static KieBase compileDrl(List<RuleFile> files, @Nullable KieBase into, ClinicVocabulary vocabulary) {
        KnowledgeBuilder builder = into == null ? KnowledgeBuilderFactory.newKnowledgeBuilder()
                : KnowledgeBuilderFactory.newKnowledgeBuilder(into);
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleFile file : files) {
            batch.add(CompileProblems.resource(file.name(), file.content()), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            throw new RuleLoadException(inOrder(CompileProblems.of(files, builder.getErrors(), vocabulary.findings()), files));
        }
        // A builder made on a rule base has already added what it compiled to that rule base.
        return into != null ? into : builder.newKieBase();
    }

    /** The problems by file (in load order), line and column, each once. */
    static List<RuleProblem> inOrder(List<RuleProblem> problems, List<RuleFile> files) {
        List<RuleProblem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        sorted.sort(Comparator.comparing(RuleProblem::file, Comparator.comparingInt(f -> indexOf(files, f)))
                .thenComparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return sorted;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** A session from the pool, for one evaluation; disposing it returns it to the pool, reset. */
    org.kie.api.runtime.KieSession pooledSession() {
        return sessionConfiguration == null ? sessions().newKieSession() : sessions().newKieSession(sessionConfiguration);
    }

    /** A new session, not from the pool, with the same configuration. */
    org.kie.api.runtime.KieSession freshSession() {
        return sessionConfiguration == null ? kieBase.newKieSession() : kieBase.newKieSession(sessionConfiguration, null);
    }

    /** The pool of sessions evaluations run in; shared by threads, each session used by one at a time. */
    org.kie.api.runtime.KieSessionsPool sessions() {
        org.kie.api.runtime.KieSessionsPool pool = sessions;
        if (pool == null) {
            synchronized (this) {
                pool = sessions;
                if (pool == null) {
                    pool = kieBase.newKieSessionsPool(1);
                    sessions = pool;
                }
            }
        }
        return pool;
    }

    /** Every rule, in load order: by file, then as written in the file. */
    public List<RuleInfo> catalog() {
        return catalog;
    }

    /**
     * True when the bundled rules came from the precompiled executable model, not compiled from
     * DRL; files added beside them are compiled on top either way.
     *
     * @return whether the precompiled model was used
     */
    public boolean precompiled() {
        return precompiled;
    }

    /**
     * True when the rule applies to an answer given as of this date: its own status and dates, drafts
     * only when they were asked for, and not while a dated replacement of it is in force.
     *
     * @param rule the rule's catalog entry
     * @param date the date the answer is given as of
     * @return whether the rule runs for that answer
     */
    public boolean inForce(RuleInfo rule, java.time.LocalDate date) {
        if (!rule.inForceOn(date, withDrafts)) {
            return false;
        }
        RuleInfo replacer = replacedWhileInForce.get(rule);
        return replacer == null || !inForce(replacer, date);
    }

    /** True when every rule applies on every date, so nothing needs filtering when the rules run. */
    boolean alwaysInForce() {
        return alwaysInForce;
    }

    /**
     * One line for each rule directory whose precompiled model (made in the clinic's build) was not
     * used because it is stale or cannot be loaded, naming the directory and why; its rules were
     * compiled from DRL instead. A directory without a model is not listed (it is logged).
     *
     * @return the warnings, empty when every precompiled model was used
     */
    public List<String> loadWarnings() {
        return loadWarnings;
    }

    /** The added rule directories whose rules came from their precompiled model, in load order. */
    List<java.nio.file.Path> modelDirectories() {
        return modelDirectories;
    }

    /**
     * True when draft rules run.
     *
     * @return whether drafts were asked for
     */
    public boolean withDrafts() {
        return withDrafts;
    }

    /** The library version and a digest of the rule files' text: changes whenever a rule changes. */
    public String version() {
        return version;
    }

    /** The rule's catalog entry. */
    RuleInfo info(Rule rule) {
        RuleInfo info = infoByRule.get(rule);
        if (info == null) {
            info = infoByKey.get(key(rule));
        }
        if (info == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" is not in the catalog");
        }
        return info;
    }

    /** A registry entry by id; every id a loaded rule cites is there. */
    Source source(String id) {
        Source source = sources.get(id);
        if (source == null) {
            throw new IllegalStateException("source \"" + id + "\" is not in the registry");
        }
        return source;
    }

    /** Every registry entry, by id. */
    public java.util.Collection<Source> sources() {
        return java.util.Collections.unmodifiableCollection(new java.util.TreeMap<>(sources).values());
    }

    /** The warning codes the loaded rules declare, sorted. */
    public java.util.Set<String> clinicWarningCodes() {
        return new java.util.TreeSet<>(vocabulary.warningCodes());
    }

    /** The findings the loaded rules declare for {@code clinicFindings}, sorted. */
    public java.util.Set<String> clinicFindings() {
        return vocabulary.findings();
    }

    /** The severity of a warning code, built-in or declared; an unknown code is a rule bug. */
    org.sciatica.advisor.Severity severity(String code, RuleInfo rule) {
        ClinicVocabulary.ClinicWarning declared = vocabulary.warning(code);
        return declared != null ? declared.severity() : builtIn(code, rule).severity();
    }

    /** The least cautious disposition a warning code allows, built-in or declared. */
    org.sciatica.advisor.Disposition disposition(String code) {
        ClinicVocabulary.ClinicWarning declared = vocabulary.warning(code);
        return declared != null ? declared.disposition() : WarningCode.valueOf(code).disposition();
    }

    private WarningCode builtIn(String code, RuleInfo rule) {
        for (WarningCode c : WarningCode.values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        throw new IllegalStateException("rule " + rule.id() + " raised warning \"" + code
                + "\", which is neither a built-in warning code nor declared in " + ClinicVocabulary.FILE_NAME);
    }

    /** The deliberate departures from the safety table loaded with the rules. */
    List<SafetyMonitor.Departure> departures() {
        return departures;
    }

    /** A rule's catalog entry by id, or null. */
    public @Nullable RuleInfo byId(String id) {
        return infoById.get(id);
    }

    /** Orders rule ids by their position in the catalog. */
    Comparator<String> ruleOrder() {
        return Comparator.comparingInt(id -> positionById.getOrDefault(id, Integer.MAX_VALUE));
    }

    /**
     * A rule with where it is declared: its file, the file's place in the load order, and the line
     * and column of its {@code rule} keyword. Compared by identity, as the rules are.
     */
    private static final class Located {
        private final RuleImpl rule;
        private final String file;
        private final int fileIndex;
        private final int[] at;

        Located(RuleImpl rule, String file, int fileIndex, int[] at) {
            this.rule = rule;
            this.file = file;
            this.fileIndex = fileIndex;
            this.at = at;
        }

        RuleImpl rule() {
            return rule;
        }

        String file() {
            return file;
        }

        int fileIndex() {
            return fileIndex;
        }

        int[] at() {
            return at;
        }
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    /** The file a rule was declared in: from Drools when it kept the resource, else by its declaration. */
    private static String fileOf(List<RuleFile> files, RuleImpl rule) {
        Resource resource = rule.getResource();
        if (resource != null && resource.getSourcePath() != null) {
            return resource.getSourcePath();
        }
        for (RuleFile file : files) {
            if (declaration(files, file.name(), rule.getName())[0] > 0) {
                return file.name();
            }
        }
        return "?";
    }

    /** Line and column (1-based) of {@code rule "name"} in the file, or 0, 0 when not found. */
    static int[] declaration(List<RuleFile> files, String file, String name) {
        int i = indexOf(files, file);
        if (i == files.size()) {
            return new int[] {0, 0};
        }
        String[] lines = Lines.of(files.get(i).content());
        java.util.regex.Pattern declared = null;
        for (int l = 0; l < lines.length; l++) {
            if (!lines[l].contains(name)) {
                continue; // the pattern needs the name: most lines are passed over without it
            }
            if (declared == null) {
                declared = java.util.regex.Pattern.compile(
                        "\\brule\\s*(?:\"" + java.util.regex.Pattern.quote(name) + "\"|'" + java.util.regex.Pattern.quote(name)
                                + "'|\\s" + java.util.regex.Pattern.quote(name) + "(?![\\w$]))");
            }
            var m = declared.matcher(lines[l]);
            if (m.find()) {
                return new int[] {l + 1, m.start() + 1};
            }
        }
        return new int[] {0, 0};
    }

    private static int indexOf(List<RuleFile> files, String name) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).name().equals(name)) {
                return i;
            }
        }
        return files.size();
    }

    static @Nullable String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * A digest of the rule files' names and texts: {@code rules.} and 12 hex digits.
     *
     * @param files the rule files, in load order
     * @return the digest
     */
    public static String digest(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                sha.update(file.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.content().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "rules." + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
