package org.sciatica.advisor.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link Assessment} from JSON, strictly: unknown fields, wrong types, unknown enum values
 * and duplicate fields are errors whose message names the field, the value and what is allowed.
 * A JSON {@code null} for an optional field means "not reported"; for a required field it is an error.
 */
public final class AssessmentJson {
    /** Longest JSON text accepted for one assessment, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** Deepest nesting accepted; an assessment needs 2. */
    static final int MAX_DEPTH = 16;

    /**
     * Jackson's reader and the field setters, made on first use: a valid assessment read by {@link
     * PlainAssessmentJson} never loads Jackson.
     */
    private static final class Jackson {
        private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_LENGTH).maxNumberLength(100).build())
                        .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();

        private static final Map<String, BiConsumer<Assessment.Builder, JsonNode>> FIELDS = new LinkedHashMap<>();

        static {
            FIELDS.put("id", (b, v) -> b.id(text("id", v)));
            FIELDS.put("cause", (b, v) -> b.cause(enumValue("cause", v, Cause.class)));
            FIELDS.put("sensitivity", (b, v) -> b.sensitivity(enumValue("sensitivity", v, Sensitivity.class)));
            FIELDS.put("inflammation", (b, v) -> b.inflammation(enumValue("inflammation", v, Inflammation.class)));
            FIELDS.put("painLevel", (b, v) -> b.painLevel(painLevel(v)));
            FIELDS.put("age", (b, v) -> b.age(age(v)));
            FIELDS.put("course", (b, v) -> b.course(enumValue("course", v, Course.class)));
            FIELDS.put("symptoms", (b, v) -> b.symptoms(enumSet("symptoms", v, Symptom.class)));
            FIELDS.put("tenseAreas", (b, v) -> b.tenseAreas(enumSet("tenseAreas", v, BodyArea.class)));
            FIELDS.put("redFlags", (b, v) -> b.redFlags(enumSet("redFlags", v, RedFlag.class)));
            FIELDS.put("conditions", (b, v) -> b.conditions(enumSet("conditions", v, Condition.class)));
            FIELDS.put("clinicFindings", (b, v) -> b.clinicFindings(texts("clinicFindings", v)));
        }

        private Jackson() {
        }

        /** The JSON tree; malformed JSON is an {@link InvalidAssessmentException} saying where. */
        static JsonNode read(String json) {
            try {
                return MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                String duplicate = duplicateField(e);
                throw new InvalidAssessmentException(duplicate, duplicate != null
                        ? duplicate + " appears twice; give each field once" + where(e)
                        : "malformed JSON: " + describe(e));
            }
        }
    }

    private static final List<String> REQUIRED = List.of("cause", "sensitivity", "inflammation", "painLevel");

    private AssessmentJson() {
    }

    /**
     * Parses one JSON object into an assessment.
     *
     * @throws InvalidAssessmentException naming the field (null for malformed JSON) and what is wrong
     * @param json the JSON text
     * @return the assessment
     */
    public static Assessment parse(String json) {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte order mark some editors write at the start of a file
        }
        if (json.length() > MAX_LENGTH) {
            throw new InvalidAssessmentException(null, "the assessment is " + json.length()
                    + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        Assessment plain = PlainAssessmentJson.parse(json);
        return plain != null ? plain : withJackson(json);
    }

    /** {@link #parse} by Jackson alone, which reports what is wrong with any text it refuses. */
    static Assessment withJackson(String json) {
        JsonNode root = Jackson.read(json);
        if (root == null || root.isMissingNode()) {
            throw new InvalidAssessmentException(null, "no assessment: the input is empty");
        }
        if (!root.isObject()) {
            throw new InvalidAssessmentException(null, "an assessment must be a JSON object {...}, was " + kind(root));
        }
        return fromObject(root);
    }

    private static Assessment fromObject(JsonNode root) {
        Assessment.Builder builder = Assessment.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            BiConsumer<Assessment.Builder, JsonNode> setter = Jackson.FIELDS.get(field.getKey());
            if (setter == null) {
                throw new InvalidAssessmentException(field.getKey(), unknownField(field.getKey()));
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (REQUIRED.contains(field.getKey())) {
                    throw new InvalidAssessmentException(field.getKey(), field.getKey() + " is required, was null; "
                            + allowedFor(field.getKey()));
                }
                continue; // an optional field given as null is simply not reported
            }
            setter.accept(builder, value);
        }
        for (String required : REQUIRED) {
            if (!root.has(required)) {
                throw new InvalidAssessmentException(required, required + " is required; " + allowedFor(required));
            }
        }
        return builder.build();
    }

    private static String allowedFor(String field) {
        return switch (field) {
            case "cause" -> "one of " + names(Cause.class);
            case "sensitivity" -> "one of " + names(Sensitivity.class);
            case "inflammation" -> "one of " + names(Inflammation.class);
            case "painLevel" -> "a whole number from 0 to 10";
            default -> "";
        };
    }

    private static String unknownField(String name) {
        String message = "unknown field \"" + name + "\"";
        for (String known : Jackson.FIELDS.keySet()) {
            if (known.equalsIgnoreCase(name) || known.toLowerCase(Locale.ROOT).equals(name.replace("_", "").toLowerCase(Locale.ROOT))) {
                message += " (did you mean \"" + known + "\"?)";
                break;
            }
        }
        return message + "; allowed fields: " + String.join(", ", Jackson.FIELDS.keySet());
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new InvalidAssessmentException(field, field + " must be a text, was " + kind(value));
        }
        return value.textValue();
    }

    private static <E extends Enum<E>> E enumValue(String field, JsonNode value, Class<E> type) {
        if (!value.isTextual()) {
            throw new InvalidAssessmentException(field, field + " must be a text, one of " + names(type)
                    + "; was " + kind(value));
        }
        return lookup(field, value.textValue(), type);
    }

    private static <E extends Enum<E>> List<E> enumSet(String field, JsonNode value, Class<E> type) {
        if (!value.isArray()) {
            throw new InvalidAssessmentException(field, field + " must be a list [...] of " + names(type)
                    + "; was " + kind(value));
        }
        if (value.size() > type.getEnumConstants().length * 4) {
            throw new InvalidAssessmentException(field, field + " has " + value.size()
                    + " entries; at most " + type.getEnumConstants().length * 4 + " are accepted");
        }
        List<E> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new InvalidAssessmentException(field, field + " entries must be texts, one of " + names(type)
                        + "; was " + kind(element));
            }
            values.add(lookup(field, element.textValue(), type));
        }
        return values;
    }

    /** A list of texts (clinic findings); whether each is declared is checked by the advisor. */
    private static List<String> texts(String field, JsonNode value) {
        if (!value.isArray()) {
            throw new InvalidAssessmentException(field, field + " must be a list [...] of findings the clinic declared; was "
                    + kind(value));
        }
        if (value.size() > 64) {
            throw new InvalidAssessmentException(field, field + " has " + value.size() + " entries; at most 64 are accepted");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new InvalidAssessmentException(field, field + " entries must be texts (findings the clinic declared); was "
                        + kind(element));
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static <E extends Enum<E>> E lookup(String field, String name, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new InvalidAssessmentException(field, field + ": " + quote(name) + " is not one of " + names(type));
    }

    private static int painLevel(JsonNode value) {
        if (!value.isIntegralNumber()) {
            throw new InvalidAssessmentException("painLevel", "painLevel must be a whole number from 0 to 10, was "
                    + kind(value));
        }
        if (!value.canConvertToInt() || value.intValue() < Assessment.MIN_PAIN || value.intValue() > Assessment.MAX_PAIN) {
            throw new InvalidAssessmentException("painLevel", "painLevel must be a whole number from 0 to 10, was "
                    + value.asText());
        }
        return value.intValue();
    }

    private static int age(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < Assessment.MIN_AGE || value.intValue() > Assessment.MAX_AGE) {
            throw new InvalidAssessmentException("age", "age must be a whole number of years from 0 to 120, was "
                    + (value.isIntegralNumber() ? value.asText() : kind(value)));
        }
        return value.intValue();
    }

    static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A short description of a JSON value for error messages; long texts are cut. */
    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "the text " + quote(value.textValue());
        }
        if (value.isNumber()) {
            return "the number " + cut(value.asText());
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String quote(String text) {
        return "\"" + cut(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static String cut(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static @Nullable String duplicateField(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m != null && m.startsWith("Duplicate field '")) {
            int end = m.indexOf('\'', 17);
            return end > 17 ? m.substring(17, end) : null;
        }
        return null;
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        m = m.replaceAll("\\s*\\n.*", "");
        return cut200(m) + where(e);
    }

    private static String where(JsonProcessingException e) {
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return "";
    }

    private static String cut200(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
