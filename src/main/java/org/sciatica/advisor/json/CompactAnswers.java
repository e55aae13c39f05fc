package org.sciatica.advisor.json;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.ExcludedTechnique;
import org.sciatica.advisor.Recommendation.FocusArea;
import org.sciatica.advisor.Recommendation.PlanStep;
import org.sciatica.advisor.Recommendation.RankedTechnique;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Recommendation.Referral;
import org.sciatica.advisor.Recommendation.SessionPlan;
import org.sciatica.advisor.Recommendation.SessionsPerWeek;
import org.sciatica.advisor.Recommendation.Warning;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Severity;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;

/**
 * The compact form of answers ({@code --batch --compact}): each answer's decisions and ids, with
 * no texts and no bibliography; the texts come once from the rule catalog of the same rules
 * version ({@code --list-rules --format json}), and {@link #expand} turns a compact line back into
 * the full answer, byte for byte what {@link RecommendationJson#compact} writes.
 *
 * <p>A compact line has the full answer's fields (see docs/COMPACT-ANSWERS.md) but for
 * {@code sources}; where the full answer has a reason, warning or plan step, it has a reference to
 * the rule's text in the catalog: the rule id ({@code "TQ-03"}, its first text) or the rule id and
 * the text's place ({@code "CI-09#1"}). The item's source is its rule's source in the catalog. A
 * text the catalog cannot list (one a rule builds from values when it fires) is written out:
 * {@code {"ruleId": ..., "sourceId": ..., "text": ...}}. A warning keeps its code and severity
 * and has one {@code reason}; a plan step is its reference alone.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class CompactAnswers {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String rulesVersion;
    private final TextRefs refs;

    private CompactAnswers(String rulesVersion, TextRefs refs) {
        this.rulesVersion = rulesVersion;
        this.refs = refs;
    }

    /**
     * Writes and reads the compact form of this advisor's answers.
     *
     * @param advisor the advisor whose answers to write
     * @return the compact form for its rules version
     */
    public static CompactAnswers of(SciaticaAdvisor advisor) {
        Objects.requireNonNull(advisor, "advisor");
        return new CompactAnswers(advisor.rulesVersion(), TextRefs.of(advisor.rules()));
    }

    /**
     * Reads the rule catalog that {@code --list-rules --format json} writes, to expand compact lines.
     *
     * @param catalogJson the catalog's JSON text
     * @return the compact form for the catalog's rules version
     * @throws IllegalArgumentException when the text is not such a catalog, naming what is wrong
     */
    public static CompactAnswers fromCatalog(String catalogJson) {
        Objects.requireNonNull(catalogJson, "catalogJson");
        JsonNode catalog;
        try {
            catalog = JSON.readTree(catalogJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the catalog is not JSON: " + e.getOriginalMessage());
        }
        if (catalog == null || !catalog.isArray() || catalog.isEmpty()) {
            throw new IllegalArgumentException("the catalog must be the JSON list of rules that --list-rules --format json writes");
        }
        String version = null;
        Map<String, Source> sources = new HashMap<>();
        Map<String, List<RuleInfo.Text>> texts = new java.util.LinkedHashMap<>();
        for (JsonNode rule : catalog) {
            String id = text(rule, "id", "catalog entry");
            String entryVersion = text(rule, "rulesVersion", "catalog entry " + id);
            if (version != null && !version.equals(entryVersion)) {
                throw new IllegalArgumentException("the catalog mixes rules versions " + version + " and " + entryVersion);
            }
            version = entryVersion;
            JsonNode source = field(rule, "source", "catalog entry " + id);
            JsonNode year = field(source, "year", "source of " + id);
            JsonNode url = field(source, "url", "source of " + id);
            JsonNode locator = field(source, "locator", "source of " + id);
            sources.put(id, new Source(text(source, "id", "source of " + id), kind(text(source, "kind", "source of " + id)),
                    text(source, "title", "source of " + id), text(source, "publisher", "source of " + id),
                    year.isNull() ? null : year.intValue(), url.isNull() ? null : url.textValue(),
                    locator.isNull() ? null : locator.textValue(), text(source, "takes", "source of " + id)));
            List<RuleInfo.Text> ruleTexts = new ArrayList<>();
            for (JsonNode t : array(rule, "texts", "catalog entry " + id)) {
                JsonNode value = t.get("value");
                ruleTexts.add(value == null || value.isNull()
                        ? new RuleInfo.Text(text(t, "effect", "a text of " + id), text(t, "text", "a text of " + id))
                        : new RuleInfo.Text(text(t, "effect", "a text of " + id), text(t, "text", "a text of " + id),
                                text(t, "value", "a text of " + id), text(t, "rest", "a text of " + id)));
            }
            texts.put(id, ruleTexts);
        }
        return new CompactAnswers(Objects.requireNonNull(version, "a catalog entry"), TextRefs.of(sources, texts));
    }

    /**
     * The rules version these answers come from.
     *
     * @return the rules version
     */
    public String rulesVersion() {
        return rulesVersion;
    }

    /**
     * The compact form of an answer, on one line, as UTF-8.
     *
     * @param r an answer of this rules version
     * @return the compact line's bytes
     * @throws IllegalArgumentException when the answer comes from other rules
     */
    public byte[] compactUtf8(Recommendation r) {
        Objects.requireNonNull(r, "r");
        if (!r.rulesVersion().equals(rulesVersion)) {
            throw new IllegalArgumentException("the answer comes from rules " + r.rulesVersion() + ", not " + rulesVersion);
        }
        return CompactJson.compactForm(r, refs);
    }

    /**
     * The compact form of an answer, on one line.
     *
     * @param r an answer of this rules version
     * @return the compact line
     * @throws IllegalArgumentException when the answer comes from other rules
     */
    public String compact(Recommendation r) {
        return new String(compactUtf8(r), StandardCharsets.UTF_8);
    }

    /**
     * The full answer a compact line stands for.
     *
     * @param compactLine one line of {@code --batch --compact}
     * @return the answer, equal to the one the line was written from
     * @throws IllegalArgumentException when the line is not a compact answer, comes from another
     *                                  rules version, or refers to a text the catalog does not have
     */
    public Recommendation expand(String compactLine) {
        Objects.requireNonNull(compactLine, "compactLine");
        JsonNode line;
        try {
            line = JSON.readTree(compactLine);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a compact answer: malformed JSON: " + e.getOriginalMessage());
        }
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("not a compact answer: a JSON object {...} is expected");
        }
        String version = text(line, "rulesVersion", "the compact answer");
        if (!version.equals(rulesVersion)) {
            throw new IllegalArgumentException("the compact answer comes from rules " + version + ", but the catalog is of rules "
                    + rulesVersion + "; expand it with the catalog of the same rules (--list-rules --format json with the same"
                    + " jar and rule directories)");
        }
        JsonNode id = field(line, "id", "the compact answer");
        Disposition disposition = constant(Disposition.class, text(line, "disposition", "the compact answer"), "disposition");
        JsonNode referralNode = field(line, "referral", "the compact answer");
        Referral referral = referralNode.isNull() ? null : new Referral(
                constant(Urgency.class, text(referralNode, "urgency", "referral"), "urgency"),
                reasons(array(referralNode, "reasons", "referral"), 0));
        List<RankedTechnique> techniques = new ArrayList<>();
        for (JsonNode t : array(line, "techniques", "the compact answer")) {
            techniques.add(new RankedTechnique(constant(Technique.class, item(t, 0, "techniques"), "technique"),
                    constant(Pressure.class, item(t, 1, "techniques"), "pressure"), reasons(t, 2)));
        }
        List<ExcludedTechnique> excluded = new ArrayList<>();
        for (JsonNode e : array(line, "excluded", "the compact answer")) {
            excluded.add(new ExcludedTechnique(constant(Technique.class, item(e, 0, "excluded"), "technique"), reasons(e, 1)));
        }
        List<Warning> warnings = new ArrayList<>();
        for (JsonNode w : array(line, "warnings", "the compact answer")) {
            if (w.size() != 3) {
                throw new IllegalArgumentException("a warning must be [code, severity, reference], was " + w);
            }
            Reason because = reason(w.get(2));
            warnings.add(new Warning(item(w, 0, "warnings"), constant(Severity.class, item(w, 1, "warnings"), "severity"),
                    because.text(), because.ruleId(), because.sourceId()));
        }
        List<Recommendation.AreaLimit> areaLimits = new ArrayList<>();
        if (line.has("areaLimits")) {
            for (JsonNode l : array(line, "areaLimits", "the compact answer")) {
                if (l.size() < 3 || !l.get(1).isArray()) {
                    throw new IllegalArgumentException("an area limit must be [area, [techniques], pressure or null, references...],"
                            + " was " + l);
                }
                List<Technique> keepOff = new ArrayList<>();
                l.get(1).forEach(t -> keepOff.add(constant(Technique.class, t.asText(), "keepOff")));
                areaLimits.add(new Recommendation.AreaLimit(constant(BodyArea.class, item(l, 0, "areaLimits"), "area"), keepOff,
                        l.get(2).isNull() ? null : constant(Pressure.class, l.get(2).asText(), "maxPressure"), reasons(l, 3)));
            }
        }
        List<FocusArea> focus = new ArrayList<>();
        for (JsonNode f : array(line, "focusAreas", "the compact answer")) {
            BodyArea area = constant(BodyArea.class, item(f, 0, "focusAreas"), "area");
            // A focus area carries its area's restriction, as every answer's do.
            Recommendation.AreaLimit limit = areaLimits.stream().filter(l -> l.area() == area).findFirst().orElse(null);
            focus.add(new FocusArea(area, reasons(f, 1), limit));
        }
        JsonNode planNode = field(line, "sessionPlan", "the compact answer");
        List<PlanStep> steps = new ArrayList<>();
        for (JsonNode s : array(planNode, "steps", "sessionPlan")) {
            Reason step = reason(s);
            steps.add(new PlanStep(step.text(), step.ruleId(), step.sourceId()));
        }
        JsonNode perWeek = field(planNode, "sessionsPerWeek", "sessionPlan");
        if (!perWeek.isNull() && (!perWeek.isArray() || perWeek.size() != 2 || !perWeek.get(0).isInt() || !perWeek.get(1).isInt())) {
            throw new IllegalArgumentException("sessionsPerWeek must be null or [min, max], was " + perWeek);
        }
        SessionPlan plan = new SessionPlan(steps, perWeek.isNull() ? null
                : new SessionsPerWeek(perWeek.get(0).intValue(), perWeek.get(1).intValue()));
        List<Recommendation.Question> questions = new ArrayList<>();
        for (JsonNode q : array(line, "questions", "the compact answer")) {
            if (q.size() != 2) {
                throw new IllegalArgumentException("a question must be [field, reference], was " + q);
            }
            Reason because = reason(q.get(1));
            questions.add(new Recommendation.Question(item(q, 0, "questions"), because.text(), because.ruleId(), because.sourceId()));
        }
        List<String> fired = firedRules(line,
                items(referral, techniques, excluded, warnings, focus, plan, areaLimits, questions));
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(text(line, "asOf", "the compact answer"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be a date written YYYY-MM-DD, was " + line.get("asOf"));
        }
        return new Recommendation(id.isNull() ? null : id.asText(), disposition, referral, techniques, excluded, warnings, focus,
                plan, fired, questions, sources(referral, techniques, excluded, warnings, focus, plan, areaLimits, questions), version,
                asOf, areaLimits);
    }

    /**
     * The full answer a compact line stands for, as the one line {@code --batch} writes.
     *
     * @param compactLine one line of {@code --batch --compact}
     * @return the full answer's line, byte for byte what {@code --batch} wrote
     * @throws IllegalArgumentException as {@link #expand}
     */
    public byte[] expandUtf8(String compactLine) {
        return RecommendationJson.compactUtf8(expand(compactLine));
    }

    /** The sources the answer names, once each, in order of first mention (as every answer lists them). */
    private List<Source> sources(@Nullable Referral referral, List<RankedTechnique> ranked, List<ExcludedTechnique> excluded,
                                 List<Warning> warnings, List<FocusArea> focus, SessionPlan plan,
                                 List<Recommendation.AreaLimit> areaLimits, List<Recommendation.Question> questions) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Source> byId = new HashMap<>();
        for (Reason r : items(referral, ranked, excluded, warnings, focus, plan, areaLimits, questions)) {
            if (ids.add(r.sourceId())) {
                byId.put(r.sourceId(), source(r.sourceId(), r.ruleId()));
            }
        }
        return ids.stream().map(byId::get).toList();
    }

    /**
     * The answer's {@code firedRules}: the line's {@code firedRules} when it has them whole (a line
     * of version 0.2, or one whose rules the catalog cannot order), else its {@code otherFiredRules}
     * and the rules of its items, in catalog order.
     */
    private List<String> firedRules(JsonNode line, List<Reason> items) {
        List<String> fired = new ArrayList<>();
        boolean whole = line.has("firedRules");
        for (JsonNode f : array(line, whole ? "firedRules" : "otherFiredRules", "the compact answer")) {
            if (!f.isTextual()) {
                throw new IllegalArgumentException("a rule id must be a JSON string, was " + f);
            }
            fired.add(f.asText());
        }
        if (whole) {
            return fired;
        }
        List<String> all = firedRules(items, fired, refs);
        if (all == null) {
            List<String> named = new ArrayList<>(fired);
            items.forEach(item -> named.add(item.ruleId()));
            throw new IllegalArgumentException("the compact answer names rule \""
                    + named.stream().filter(id -> refs.position(id) < 0).findFirst().orElseThrow()
                    + "\", which the catalog does not list");
        }
        return all;
    }

    /**
     * Every item's reason, in the answer's order: the referral's, the techniques', the excluded
     * techniques', the warnings, the focus areas', the plan's steps, the area limits', the questions.
     */
    static List<Reason> items(@Nullable Referral referral, List<RankedTechnique> ranked, List<ExcludedTechnique> excluded,
                              List<Warning> warnings, List<FocusArea> focus, SessionPlan plan,
                              List<Recommendation.AreaLimit> areaLimits, List<Recommendation.Question> questions) {
        List<Reason> all = new ArrayList<>();
        if (referral != null) {
            all.addAll(referral.reasons());
        }
        ranked.forEach(t -> all.addAll(t.reasons()));
        excluded.forEach(t -> all.addAll(t.reasons()));
        warnings.forEach(w -> all.add(new Reason(w.message(), w.ruleId(), w.sourceId())));
        focus.forEach(f -> all.addAll(f.reasons()));
        plan.steps().forEach(s -> all.add(new Reason(s.text(), s.ruleId(), s.sourceId())));
        areaLimits.forEach(l -> all.addAll(l.reasons()));
        questions.forEach(q -> all.add(new Reason(q.text(), q.ruleId(), q.sourceId())));
        return all;
    }

    /**
     * The rules of the items and the others, once each, in catalog order (the order of every
     * answer's {@code firedRules}); null when one of them is not in the catalog.
     */
    static @Nullable List<String> firedRules(List<Reason> items, List<String> others, TextRefs refs) {
        Set<String> all = new LinkedHashSet<>(others);
        items.forEach(item -> all.add(item.ruleId()));
        for (String id : all) {
            if (refs.position(id) < 0) {
                return null;
            }
        }
        return all.stream().sorted(Comparator.comparingInt(refs::position)).toList();
    }

    /** A source by id: the source of the item's rule, or of any rule citing it. */
    private Source source(String sourceId, String ruleId) {
        TextRefs.Rule rule = refs.rule(ruleId);
        if (rule != null && rule.source().id().equals(sourceId)) {
            return rule.source();
        }
        Source cited = refs.source(sourceId);
        if (cited == null) {
            throw new IllegalArgumentException("source \"" + sourceId + "\" is cited by no rule of the catalog");
        }
        return cited;
    }

    /** The references of an item's array from {@code first} on, as reasons. */
    private List<Reason> reasons(JsonNode references, int first) {
        List<Reason> reasons = new ArrayList<>(references.size());
        for (int i = first; i < references.size(); i++) {
            reasons.add(reason(references.get(i)));
        }
        return reasons;
    }

    /**
     * A reference as a reason: {@code "TQ-03"} or {@code "CI-09#1"} (a fixed text), {@code
     * ["CI-12", "CI-05"]} or {@code ["RF-01", {"value": "FEVER"}]} (a template and its value), or
     * a written-out {@code {"ruleId", "sourceId", "text"}}.
     */
    private Reason reason(JsonNode reference) {
        if (reference.isObject()) {
            return new Reason(text(reference, "text", "a written-out reason"), text(reference, "ruleId", "a written-out reason"),
                    text(reference, "sourceId", "a written-out reason"));
        }
        if (reference.isArray() && reference.size() == 2 && reference.get(0).isTextual()) {
            Placed template = placed(reference.get(0).textValue());
            RuleInfo.Text t = template.text();
            if (!t.isTemplate()) {
                throw new IllegalArgumentException("reference " + reference + ": " + reference.get(0) + " is a fixed text, not a template");
            }
            JsonNode value = reference.get(1);
            String filled;
            if (value.isTextual()) {
                Placed named = placed(value.textValue());
                if (named.text().isTemplate()) {
                    throw new IllegalArgumentException("reference " + reference + ": the value " + value + " is a template, not a text");
                }
                filled = named.text().text();
            } else {
                filled = text(value, "value", "reference " + reference);
            }
            return new Reason(t.text() + filled + t.rest(), template.rule().id(), template.rule().source().id());
        }
        if (!reference.isTextual()) {
            throw new IllegalArgumentException("a reference must be a text such as \"TQ-03\" or \"CI-09#1\", a template with its value"
                    + " such as [\"CI-12\", \"CI-05\"], or a written-out reason; was " + reference);
        }
        Placed placed = placed(reference.textValue());
        if (placed.text().isTemplate()) {
            throw new IllegalArgumentException("reference \"" + reference.textValue() + "\" is a template: it needs its value,"
                    + " as in [\"" + reference.textValue() + "\", {\"value\": \"...\"}]");
        }
        return new Reason(placed.text().text(), placed.rule().id(), placed.rule().source().id());
    }

    private record Placed(TextRefs.Rule rule, RuleInfo.Text text) {
    }

    /** The rule and text a reference names: {@code "TQ-03"} (its first text) or {@code "CI-09#1"}. */
    private Placed placed(String ref) {
        String ruleId = ref;
        int place = 0;
        int hash = ref.lastIndexOf('#');
        if (hash > 0 && hash < ref.length() - 1 && ref.length() - hash <= 6 && ref.substring(hash + 1).chars().allMatch(Character::isDigit)) {
            ruleId = ref.substring(0, hash);
            place = Integer.parseInt(ref.substring(hash + 1));
        }
        TextRefs.Rule rule = refs.rule(ruleId);
        if (rule == null) {
            throw new IllegalArgumentException("reference \"" + ref + "\": the catalog has no rule " + ruleId);
        }
        if (place >= rule.texts().size()) {
            throw new IllegalArgumentException("reference \"" + ref + "\": rule " + ruleId + " has " + rule.texts().size()
                    + (rule.texts().size() == 1 ? " text" : " texts") + " in the catalog");
        }
        return new Placed(rule, rule.texts().get(place));
    }

    /** The text at {@code index} of an item's array: its technique, pressure, area, code or severity. */
    private static String item(JsonNode item, int index, String where) {
        if (!item.isArray() || item.size() <= index || !item.get(index).isTextual()) {
            throw new IllegalArgumentException(where + ": each entry must be a list [...] as the compact form writes it, was " + item);
        }
        return item.get(index).textValue();
    }

    private static JsonNode field(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException(where + " has no \"" + name + "\"");
        }
        return value;
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + ": \"" + name + "\" must be a text, was " + value);
        }
        return value.textValue();
    }

    private static JsonNode array(JsonNode node, String name, String where) {
        JsonNode value = field(node, name, where);
        if (!value.isArray()) {
            throw new IllegalArgumentException(where + ": \"" + name + "\" must be a list [...], was " + value);
        }
        return value;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + ": \"" + name + "\" is not one of " + AssessmentJson.names(type));
    }

    private static Source.Kind kind(String label) {
        for (Source.Kind kind : Source.Kind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("source kind \"" + label + "\" is not one of the registry's kinds");
    }
}
