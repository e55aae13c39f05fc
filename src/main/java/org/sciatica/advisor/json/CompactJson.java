package org.sciatica.advisor.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.Recommendation.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Writes a recommendation as one line of UTF-8 JSON, fast: the batch writes millions. Same fields,
 * order and values as {@link RecommendationJson#tree} (a test compares them). The JSON of each
 * reason is cached, since the rules give the same reasons again and again.
 */
final class CompactJson {
    /** Reasons cached at most; past it, reasons are written afresh (rules that make endless texts). */
    private static final int CACHE_LIMIT = 20_000;
    private static final Map<Reason, byte[]> REASONS = new ConcurrentHashMap<>();
    private static final Map<Source, byte[]> SOURCES = new ConcurrentHashMap<>();

    private byte[] buffer = new byte[8192];
    private int size;

    private CompactJson() {
    }

    static byte[] bytes(Recommendation r) {
        CompactJson out = new CompactJson();
        out.recommendation(r);
        return Arrays.copyOf(out.buffer, out.size);
    }

    static String string(Recommendation r) {
        return new String(bytes(r), StandardCharsets.UTF_8);
    }

    /** The compact form of {@code r} ({@link CompactAnswers}): decisions and references, no texts. */
    static byte[] compactForm(Recommendation r, TextRefs refs) {
        CompactJson out = new CompactJson();
        out.compact(r, refs);
        return Arrays.copyOf(out.buffer, out.size);
    }

    private void compact(Recommendation r, TextRefs refs) {
        raw("{\"id\":");
        string(r.id());
        raw(",\"disposition\":\"").raw(r.disposition().name()).raw("\",\"referral\":");
        if (r.referral() == null) {
            raw("null");
        } else {
            raw("{\"urgency\":\"").raw(r.referral().urgency().name()).raw("\",\"reasons\":");
            refList(r.referral().reasons(), refs);
            raw("}");
        }
        raw(",\"techniques\":[");
        for (int i = 0; i < r.techniques().size(); i++) {
            Recommendation.RankedTechnique t = r.techniques().get(i);
            raw(i == 0 ? "[\"" : ",[\"").raw(t.technique().name()).raw("\",\"").raw(t.pressure().name()).raw("\"");
            refs(t.reasons(), refs);
        }
        raw("],\"excluded\":[");
        for (int i = 0; i < r.excluded().size(); i++) {
            Recommendation.ExcludedTechnique e = r.excluded().get(i);
            raw(i == 0 ? "[\"" : ",[\"").raw(e.technique().name()).raw("\"");
            refs(e.reasons(), refs);
        }
        raw("],\"warnings\":[");
        for (int i = 0; i < r.warnings().size(); i++) {
            Recommendation.Warning w = r.warnings().get(i);
            raw(i == 0 ? "[" : ",[");
            string(w.code());
            raw(",\"").raw(w.severity().name()).raw("\",");
            ref(w.message(), w.ruleId(), w.sourceId(), refs);
            raw("]");
        }
        raw("],\"focusAreas\":[");
        for (int i = 0; i < r.focusAreas().size(); i++) {
            Recommendation.FocusArea f = r.focusAreas().get(i);
            raw(i == 0 ? "[\"" : ",[\"").raw(f.area().name()).raw("\"");
            refs(f.reasons(), refs);
        }
        if (!r.areaLimits().isEmpty()) {
            // Only when a rule restricts an area (as the full form): [AREA, [keepOff...], maxPressure, references...].
            raw("],\"areaLimits\":[");
            for (int i = 0; i < r.areaLimits().size(); i++) {
                Recommendation.AreaLimit limit = r.areaLimits().get(i);
                raw(i == 0 ? "[\"" : ",[\"").raw(limit.area().name()).raw("\",[");
                for (int k = 0; k < limit.keepOff().size(); k++) {
                    raw(k == 0 ? "\"" : ",\"").raw(limit.keepOff().get(k).name()).raw("\"");
                }
                raw("],");
                raw(limit.maxPressure() == null ? "null" : "\"" + limit.maxPressure().name() + "\"");
                refs(limit.reasons(), refs);
            }
        }
        raw("],\"sessionPlan\":{\"steps\":[");
        for (int i = 0; i < r.sessionPlan().steps().size(); i++) {
            Recommendation.PlanStep s = r.sessionPlan().steps().get(i);
            if (i > 0) {
                raw(",");
            }
            ref(s.text(), s.ruleId(), s.sourceId(), refs);
        }
        raw("],\"sessionsPerWeek\":");
        if (r.sessionPlan().sessionsPerWeek() == null) {
            raw("null");
        } else {
            raw("[").raw(Integer.toString(r.sessionPlan().sessionsPerWeek().min()))
                    .raw(",").raw(Integer.toString(r.sessionPlan().sessionsPerWeek().max())).raw("]");
        }
        List<String> others = otherFiredRules(r, refs);
        if (others != null) {
            raw("},\"otherFiredRules\":[");
            strings(others);
        } else {
            raw("},\"firedRules\":[");
            strings(r.firedRules());
        }
        raw("],\"questions\":[");
        for (int i = 0; i < r.questions().size(); i++) {
            Recommendation.Question q = r.questions().get(i);
            raw(i == 0 ? "[" : ",[");
            string(q.field());
            raw(",");
            ref(q.text(), q.ruleId(), q.sourceId(), refs);
            raw("]");
        }
        raw("],\"rulesVersion\":");
        string(r.rulesVersion());
        raw(",\"asOf\":\"").raw(r.asOf().toString()).raw("\"}");
    }

    /**
     * The rules that fired and are no item's rule, when these and the items' rules in catalog order
     * are the answer's {@code firedRules}; else null (the line then carries them whole).
     */
    private static @Nullable List<String> otherFiredRules(Recommendation r, TextRefs refs) {
        List<Reason> items = CompactAnswers.items(r.referral(), r.techniques(), r.excluded(), r.warnings(), r.focusAreas(),
                r.sessionPlan(), r.areaLimits(), r.questions());
        Set<String> named = new HashSet<>();
        items.forEach(item -> named.add(item.ruleId()));
        List<String> others = r.firedRules().stream().filter(id -> !named.contains(id)).toList();
        return r.firedRules().equals(CompactAnswers.firedRules(items, others, refs)) ? others : null;
    }

        /** A list of references: {@code ["TQ-03","TQ-06"]}. */
    private void refList(List<Reason> reasons, TextRefs refs) {
        raw("[");
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            Reason reason = reasons.get(i);
            ref(reason.text(), reason.ruleId(), reason.sourceId(), refs);
        }
        raw("]");
    }

    /** The references that end an item's array, each after a comma, then the array's end. */
    private void refs(List<Reason> reasons, TextRefs refs) {
        for (Reason reason : reasons) {
            raw(",");
            ref(reason.text(), reason.ruleId(), reason.sourceId(), refs);
        }
        raw("]");
    }

    /** A reference to a catalog text ({@code "TQ-03"}, {@code "CI-09#1"}), or the text itself when the catalog has none. */
    private void ref(String text, String ruleId, String sourceId, TextRefs refs) {
        byte[] ref = refs.ref(text, ruleId, sourceId);
        if (ref != null) {
            bytes(ref);
            return;
        }
        raw("{\"ruleId\":");
        string(ruleId);
        raw(",\"sourceId\":");
        string(sourceId);
        raw(",\"text\":");
        string(text);
        raw("}");
    }

    /** JSON strings separated by commas (the brackets are the caller's): both forms' {@code firedRules}. */
    private void strings(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            string(values.get(i));
        }
    }

    private void sessionsPerWeek(Recommendation r) {
        if (r.sessionPlan().sessionsPerWeek() == null) {
            raw("null");
        } else {
            raw("{\"min\":").raw(Integer.toString(r.sessionPlan().sessionsPerWeek().min()))
                    .raw(",\"max\":").raw(Integer.toString(r.sessionPlan().sessionsPerWeek().max())).raw("}");
        }
    }

    private void recommendation(Recommendation r) {
        raw("{\"id\":");
        string(r.id());
        raw(",\"disposition\":\"").raw(r.disposition().name()).raw("\",\"referral\":");
        if (r.referral() == null) {
            raw("null");
        } else {
            raw("{\"urgency\":\"").raw(r.referral().urgency().name()).raw("\",\"reasons\":");
            reasons(r.referral().reasons());
            raw("}");
        }
        raw(",\"techniques\":[");
        for (int i = 0; i < r.techniques().size(); i++) {
            Recommendation.RankedTechnique t = r.techniques().get(i);
            raw(i == 0 ? "{\"technique\":\"" : ",{\"technique\":\"").raw(t.technique().name())
                    .raw("\",\"pressure\":\"").raw(t.pressure().name()).raw("\",\"reasons\":");
            reasons(t.reasons());
            raw("}");
        }
        raw("],\"excluded\":[");
        for (int i = 0; i < r.excluded().size(); i++) {
            Recommendation.ExcludedTechnique e = r.excluded().get(i);
            raw(i == 0 ? "{\"technique\":\"" : ",{\"technique\":\"").raw(e.technique().name()).raw("\",\"reasons\":");
            reasons(e.reasons());
            raw("}");
        }
        raw("],\"warnings\":[");
        for (int i = 0; i < r.warnings().size(); i++) {
            Recommendation.Warning w = r.warnings().get(i);
            raw(i == 0 ? "{\"code\":\"" : ",{\"code\":\"").raw(w.code())
                    .raw("\",\"severity\":\"").raw(w.severity().name()).raw("\",\"message\":");
            string(w.message());
            raw(",\"ruleId\":");
            string(w.ruleId());
            raw(",\"sourceId\":");
            string(w.sourceId());
            raw("}");
        }
        raw("],\"focusAreas\":[");
        for (int i = 0; i < r.focusAreas().size(); i++) {
            Recommendation.FocusArea f = r.focusAreas().get(i);
            raw(i == 0 ? "{\"area\":\"" : ",{\"area\":\"").raw(f.area().name()).raw("\",\"reasons\":");
            reasons(f.reasons());
            if (f.limit() != null) {
                raw(",\"limit\":{");
                areaLimit(f.limit());
                raw("}");
            }
            raw("}");
        }
        raw("]");
        if (!r.areaLimits().isEmpty()) {
            raw(",\"areaLimits\":[");
            for (int i = 0; i < r.areaLimits().size(); i++) {
                Recommendation.AreaLimit l = r.areaLimits().get(i);
                raw(i == 0 ? "{\"area\":\"" : ",{\"area\":\"").raw(l.area().name()).raw("\",");
                areaLimit(l);
                raw(",\"reasons\":");
                reasons(l.reasons());
                raw("}");
            }
            raw("]");
        }
        raw(",\"sessionPlan\":{\"steps\":[");
        for (int i = 0; i < r.sessionPlan().steps().size(); i++) {
            Recommendation.PlanStep s = r.sessionPlan().steps().get(i);
            raw(i == 0 ? "{\"text\":" : ",{\"text\":");
            string(s.text());
            raw(",\"ruleId\":");
            string(s.ruleId());
            raw(",\"sourceId\":");
            string(s.sourceId());
            raw("}");
        }
        raw("],\"sessionsPerWeek\":");
        sessionsPerWeek(r);
        raw("},\"firedRules\":[");
        strings(r.firedRules());
        raw("],\"questions\":[");
        for (int i = 0; i < r.questions().size(); i++) {
            if (i > 0) {
                raw(",");
            }
            Recommendation.Question q = r.questions().get(i);
            raw("{\"field\":");
            string(q.field());
            raw(",\"text\":");
            string(q.text());
            raw(",\"ruleId\":");
            string(q.ruleId());
            raw(",\"sourceId\":");
            string(q.sourceId());
            raw("}");
        }
        raw("],\"sources\":[");
        for (int i = 0; i < r.sources().size(); i++) {
            if (i > 0) {
                raw(",");
            }
            source(r.sources().get(i));
        }
        raw("],\"rulesVersion\":");
        string(r.rulesVersion());
        raw(",\"asOf\":\"").raw(r.asOf().toString()).raw("\"}");
    }

    /** {@code "keepOff":[...],"maxPressure":...} of an area limit. */
    private void areaLimit(Recommendation.AreaLimit limit) {
        raw("\"keepOff\":[");
        for (int i = 0; i < limit.keepOff().size(); i++) {
            raw(i == 0 ? "\"" : ",\"").raw(limit.keepOff().get(i).name()).raw("\"");
        }
        raw("],\"maxPressure\":");
        if (limit.maxPressure() == null) {
            raw("null");
        } else {
            raw("\"").raw(limit.maxPressure().name()).raw("\"");
        }
    }

    private void reasons(List<Reason> reasons) {
        raw("[");
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            Reason reason = reasons.get(i);
            byte[] cached = REASONS.get(reason);
            if (cached == null) {
                int start = size;
                raw("{\"text\":");
                string(reason.text());
                raw(",\"ruleId\":");
                string(reason.ruleId());
                raw(",\"sourceId\":");
                string(reason.sourceId());
                raw("}");
                if (REASONS.size() < CACHE_LIMIT) {
                    REASONS.putIfAbsent(reason, Arrays.copyOfRange(buffer, start, size));
                }
            } else {
                bytes(cached);
            }
        }
        raw("]");
    }

    private void source(Source source) {
        byte[] cached = SOURCES.get(source);
        if (cached != null) {
            bytes(cached);
            return;
        }
        int start = size;
        raw("{\"id\":");
        string(source.id());
        raw(",\"kind\":\"").raw(source.kind().label()).raw("\",\"title\":");
        string(source.title());
        raw(",\"publisher\":");
        string(source.publisher());
        raw(",\"year\":").raw(source.year() == null ? "null" : source.year().toString()).raw(",\"url\":");
        string(source.url());
        raw(",\"locator\":");
        string(source.locator());
        raw("}");
        if (SOURCES.size() < CACHE_LIMIT) {
            SOURCES.putIfAbsent(source, Arrays.copyOfRange(buffer, start, size));
        }
    }

    /** Appends ASCII text that needs no escaping. */
    private CompactJson raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buffer[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    private void bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** Appends a JSON string (or null), escaped as Jackson does: quote, backslash and control characters. */
    private void string(@Nullable String text) {
        if (text == null) {
            raw("null");
            return;
        }
        ensure(text.length() * 6 + 2);
        buffer[size++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                buffer[size++] = '\\';
                buffer[size++] = (byte) c;
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\t' -> escape('t');
                    case '\b' -> escape('b');
                    case '\f' -> escape('f');
                    default -> {
                        buffer[size++] = '\\';
                        buffer[size++] = 'u';
                        buffer[size++] = '0';
                        buffer[size++] = '0';
                        buffer[size++] = (byte) Character.forDigit(c >> 4, 16);
                        buffer[size++] = (byte) Character.toUpperCase(Character.forDigit(c & 0xF, 16));
                    }
                }
            } else if (c < 0x80) {
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer[size++] = (byte) (0xF0 | (cp >> 18));
                buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buffer[size++] = '?'; // a lone surrogate cannot be encoded; the JDK's encoder writes '?' too
            } else {
                buffer[size++] = (byte) (0xE0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        buffer[size++] = '"';
    }

    private void escape(char c) {
        buffer[size++] = '\\';
        buffer[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
