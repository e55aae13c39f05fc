package org.sciatica.advisor.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.Source;

/**
 * The texts of one rules version, by rule: what the compact form refers to. A reference is the
 * rule id ({@code "TQ-03"}: the rule's first text) or the rule id, {@code #} and the text's place
 * ({@code "CI-09#1"}). Places count the rule's texts as the catalog lists them, then, for each
 * fixed text of a pressure limit, the same text as a technique's reason shows it ("pressure kept
 * LIGHT: ..."). A template (a text a rule builds from one value) is referred to with its value:
 * {@code ["CI-12", "CI-05"]} when the value is another rule's text, {@code ["RF-01", {"value":
 * "FEVER"}]} otherwise. Immutable.
 */
final class TextRefs {
    /** Writes "pressure kept P: " before a pressure limit's text, as the ranked techniques show it. */
    private static final String LIMIT_EFFECT = "limits pressure to ";

    /**
     * One rule: its source and its texts, in reference order; a template has a value between
     * {@code text} and {@code rest}.
     */
    record Rule(String id, Source source, List<RuleInfo.Text> texts) {
    }

    /** Rules in catalog order. */
    private final Map<String, Rule> rules;
    private final Map<String, Source> sources = new HashMap<>();
    /** By rule id, by fixed text: the reference's JSON bytes ({@code "TQ-03"} with its quotes). */
    private final Map<String, Map<String, byte[]>> fixed = new HashMap<>();
    /** Every fixed text, to the reference of the first rule (in catalog order) that writes it. */
    private final Map<String, byte[]> anyFixed = new HashMap<>();
    /** Each rule's place in the catalog. */
    private final Map<String, Integer> positions = new HashMap<>();

    private TextRefs(Map<String, Rule> rules) {
        this.rules = rules;
        for (Rule rule : rules.values()) {
            positions.put(rule.id(), positions.size());
            sources.putIfAbsent(rule.source().id(), rule.source());
            Map<String, byte[]> byText = new HashMap<>();
            for (int i = 0; i < rule.texts().size(); i++) {
                RuleInfo.Text t = rule.texts().get(i);
                if (!t.isTemplate()) {
                    byte[] ref = json(reference(rule.id(), i));
                    byText.putIfAbsent(t.text(), ref);
                    anyFixed.putIfAbsent(t.text(), ref);
                }
            }
            fixed.put(rule.id(), byText);
        }
    }

    /** The texts of these rules, in catalog order. */
    static TextRefs of(List<RuleInfo> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (RuleInfo rule : rules) {
            byId.put(rule.id(), new Rule(rule.id(), rule.source(), inReferenceOrder(rule.texts())));
        }
        return new TextRefs(byId);
    }

    /** From rules read from a catalog, in its order: each rule's source and texts. */
    static TextRefs of(Map<String, Source> sources, Map<String, List<RuleInfo.Text>> texts) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Map.Entry<String, List<RuleInfo.Text>> rule : texts.entrySet()) {
            byId.put(rule.getKey(), new Rule(rule.getKey(), java.util.Objects.requireNonNull(sources.get(rule.getKey()), "source"),
                    inReferenceOrder(rule.getValue())));
        }
        return new TextRefs(byId);
    }

    private static List<RuleInfo.Text> inReferenceOrder(List<RuleInfo.Text> texts) {
        List<RuleInfo.Text> inOrder = new ArrayList<>(texts);
        for (RuleInfo.Text t : texts) {
            if (t.effect().startsWith(LIMIT_EFFECT) && !t.isTemplate()) {
                String pressure = t.effect().substring(LIMIT_EFFECT.length());
                for (Pressure p : Pressure.values()) {
                    if (p.name().equals(pressure)) {
                        inOrder.add(new RuleInfo.Text(t.effect(), "pressure kept " + p + ": " + t.text()));
                    }
                }
            }
        }
        return inOrder;
    }

    /** The reference to this rule's text at {@code place}. */
    static String reference(String ruleId, int place) {
        return place == 0 && ruleId.indexOf('#') < 0 ? ruleId : ruleId + "#" + place;
    }

    /**
     * The JSON of the reference to this text of this rule: a fixed text's reference, or a template's
     * with its value; null when the answer must carry the text itself.
     */
    byte @Nullable [] ref(String text, String ruleId, String sourceId) {
        Map<String, byte[]> byText = fixed.get(ruleId);
        Rule rule = rules.get(ruleId);
        if (byText == null || rule == null || !rule.source().id().equals(sourceId)) {
            return null;
        }
        byte[] ref = byText.get(text);
        if (ref != null) {
            return ref;
        }
        Filled key = new Filled(ruleId, text);
        ref = filled.get(key);
        if (ref == null) {
            ref = filled(text, rule);
            if (ref != null && filled.size() < CACHE_LIMIT) {
                filled.putIfAbsent(key, ref);
            }
        }
        return ref;
    }

    /** Templates filled at most; past it, they are filled afresh each time. */
    private static final int CACHE_LIMIT = 20_000;
    private final Map<Filled, byte[]> filled = new java.util.concurrent.ConcurrentHashMap<>();

    private record Filled(String ruleId, String text) {
    }

    /** {@code [template, value]} for the first template of the rule the text fits, or null. */
    private byte @Nullable [] filled(String text, Rule rule) {
        for (int i = 0; i < rule.texts().size(); i++) {
            RuleInfo.Text t = rule.texts().get(i);
            if (t.isTemplate() && text.length() >= t.text().length() + t.rest().length()
                    && text.startsWith(t.text()) && text.endsWith(t.rest())) {
                String value = text.substring(t.text().length(), text.length() - t.rest().length());
                byte[] valueRef = anyFixed.get(value);
                String json = "[" + new String(json(reference(rule.id(), i)), StandardCharsets.UTF_8) + ","
                        + (valueRef != null ? new String(valueRef, StandardCharsets.UTF_8)
                        : "{\"value\":" + new String(json(value), StandardCharsets.UTF_8) + "}") + "]";
                return json.getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A source some rule cites, by id, or null. */
    @Nullable Source source(String id) {
        return sources.get(id);
    }

    /** The rule's place in the catalog (the order of every answer's {@code firedRules}), or -1 when it has none. */
    int position(String ruleId) {
        return positions.getOrDefault(ruleId, -1);
    }

    /** A rule by id, or null. */
    @Nullable Rule rule(String id) {
        return rules.get(id);
    }

    /** A JSON string, escaped as the answers escape theirs. */
    private static byte[] json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }
}
