package org.sciatica.advisor.json;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Source;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Recommendation} as the JSON of docs/SPEC.md: fields always in the same order, nulls
 * written out, so the same recommendation always gives the same bytes.
 */
public final class RecommendationJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter COMPACT = MAPPER.writer();
    static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private RecommendationJson() {
    }

    /**
     * The recommendation on one line, for JSON lines.
     *
     * @param r the recommendation
     * @return the compact text
     */
    public static String compact(Recommendation r) {
        return CompactJson.string(r);
    }

    /**
     * The recommendation on one line as UTF-8 bytes: exactly the bytes of {@link #compact}, without
     * making a string first, for JSON lines written by the million.
     *
     * @param r the recommendation
     * @return the compact text, UTF-8 encoded
     */
    public static byte[] compactUtf8(Recommendation r) {
        return CompactJson.bytes(r);
    }

    /**
     * The recommendation indented for reading.
     *
     * @param r the recommendation
     * @return indented JSON
     */
    public static String pretty(Recommendation r) {
        return write(PRETTY, tree(r));
    }

    /**
     * A batch line's error: {@code {"line": N, "error": {"field": ..., "message": ...}}}.
     *
     * @param line the line number
     * @param field the offending field, or null
     * @param message the message
     * @return the line error text
     */
    public static String lineError(long line, @Nullable String field, String message) {
        ObjectNode error = NODES.objectNode();
        error.put("field", field);
        error.put("message", message);
        ObjectNode node = NODES.objectNode();
        node.put("line", line);
        node.set("error", error);
        return write(COMPACT, node);
    }

    static ObjectNode tree(Recommendation r) {
        ObjectNode root = NODES.objectNode();
        root.put("id", r.id());
        root.put("disposition", r.disposition().name());
        if (r.referral() == null) {
            root.putNull("referral");
        } else {
            ObjectNode referral = root.putObject("referral");
            referral.put("urgency", r.referral().urgency().name());
            referral.set("reasons", reasons(r.referral().reasons()));
        }
        ArrayNode techniques = root.putArray("techniques");
        for (Recommendation.RankedTechnique t : r.techniques()) {
            ObjectNode node = techniques.addObject();
            node.put("technique", t.technique().name());
            node.put("pressure", t.pressure().name());
            node.set("reasons", reasons(t.reasons()));
        }
        ArrayNode excluded = root.putArray("excluded");
        for (Recommendation.ExcludedTechnique e : r.excluded()) {
            ObjectNode node = excluded.addObject();
            node.put("technique", e.technique().name());
            node.set("reasons", reasons(e.reasons()));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (Recommendation.Warning w : r.warnings()) {
            ObjectNode node = warnings.addObject();
            node.put("code", w.code());
            node.put("severity", w.severity().name());
            node.put("message", w.message());
            node.put("ruleId", w.ruleId());
            node.put("sourceId", w.sourceId());
        }
        ArrayNode focus = root.putArray("focusAreas");
        for (Recommendation.FocusArea f : r.focusAreas()) {
            ObjectNode node = focus.addObject();
            node.put("area", f.area().name());
            node.set("reasons", reasons(f.reasons()));
            if (f.limit() != null) {
                ObjectNode limit = node.putObject("limit");
                areaLimit(limit, f.limit());
            }
        }
        // Written only when a rule restricts an area, so answers without one keep their bytes.
        if (!r.areaLimits().isEmpty()) {
            ArrayNode limits = root.putArray("areaLimits");
            for (Recommendation.AreaLimit l : r.areaLimits()) {
                ObjectNode node = limits.addObject();
                node.put("area", l.area().name());
                areaLimit(node, l);
                node.set("reasons", reasons(l.reasons()));
            }
        }
        ObjectNode plan = root.putObject("sessionPlan");
        ArrayNode steps = plan.putArray("steps");
        for (Recommendation.PlanStep s : r.sessionPlan().steps()) {
            ObjectNode node = steps.addObject();
            node.put("text", s.text());
            node.put("ruleId", s.ruleId());
            node.put("sourceId", s.sourceId());
        }
        if (r.sessionPlan().sessionsPerWeek() == null) {
            plan.putNull("sessionsPerWeek");
        } else {
            ObjectNode perWeek = plan.putObject("sessionsPerWeek");
            perWeek.put("min", r.sessionPlan().sessionsPerWeek().min());
            perWeek.put("max", r.sessionPlan().sessionsPerWeek().max());
        }
        ArrayNode fired = root.putArray("firedRules");
        r.firedRules().forEach(fired::add);
        ArrayNode questions = root.putArray("questions");
        for (Recommendation.Question q : r.questions()) {
            ObjectNode node = questions.addObject();
            node.put("field", q.field());
            node.put("text", q.text());
            node.put("ruleId", q.ruleId());
            node.put("sourceId", q.sourceId());
        }
        ArrayNode sources = root.putArray("sources");
        r.sources().forEach(source -> source(sources.addObject(), source));
        root.put("rulesVersion", r.rulesVersion());
        root.put("asOf", r.asOf().toString());
        return root;
    }

    private static void areaLimit(ObjectNode node, Recommendation.AreaLimit limit) {
        ArrayNode off = node.putArray("keepOff");
        limit.keepOff().forEach(t -> off.add(t.name()));
        if (limit.maxPressure() == null) {
            node.putNull("maxPressure");
        } else {
            node.put("maxPressure", limit.maxPressure().name());
        }
    }

    private static ArrayNode reasons(List<Reason> reasons) {
        ArrayNode array = NODES.arrayNode();
        for (Reason reason : reasons) {
            ObjectNode node = array.addObject();
            node.put("text", reason.text());
            node.put("ruleId", reason.ruleId());
            node.put("sourceId", reason.sourceId());
        }
        return array;
    }

    /**
     * A source as an answer lists it: id, kind, title, publisher, year (or null), url and locator
     * (null for a policy).
     */
    static ObjectNode source(ObjectNode node, Source source) {
        node.put("id", source.id());
        node.put("kind", source.kind().label());
        node.put("title", source.title());
        node.put("publisher", source.publisher());
        node.put("year", source.year());
        node.put("url", source.url());
        node.put("locator", source.locator());
        return node;
    }

    private static String write(ObjectWriter writer, Object tree) {
        try {
            return writer.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
