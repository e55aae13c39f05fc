package org.sciatica.advisor.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;

/**
 * Reads a well-formed, valid assessment without Jackson, so that one answer from the command line
 * does not load Jackson's classes (a tenth of its start-up). It accepts only what {@link
 * AssessmentJson} accepts, and gives the same assessment; for anything else (malformed JSON, an
 * unknown field, a wrong value, a duplicate field, a number it does not read plainly) it gives
 * null, and {@link AssessmentJson} reads the text with Jackson, which says what is wrong.
 */
final class PlainAssessmentJson {
    private final String text;
    private int at;

    private PlainAssessmentJson(String text) {
        this.text = text;
    }

    /** The assessment, or null when this reader leaves the text to Jackson. */
    static @Nullable Assessment parse(String json) {
        try {
            return new PlainAssessmentJson(json).assessment();
        } catch (RuntimeException e) {
            return null; // Jackson's reading reports it
        }
    }

    /** Thrown where the text is not plainly a valid assessment. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private @Nullable Assessment assessment() {
        space();
        expect('{');
        Assessment.Builder builder = Assessment.builder();
        Set<String> seen = new HashSet<>();
        space();
        if (peek() == '}') {
            return null; // no required field: Jackson's reading names the first missing
        }
        while (true) {
            space();
            String field = string();
            if (!seen.add(field)) {
                throw new NotPlain();
            }
            space();
            expect(':');
            space();
            field(builder, field);
            space();
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new NotPlain();
            }
        }
        space();
        if (at != text.length()) {
            throw new NotPlain();
        }
        if (!seen.containsAll(List.of("cause", "sensitivity", "inflammation", "painLevel"))) {
            throw new NotPlain();
        }
        return builder.build();
    }

    private void field(Assessment.Builder b, String field) {
        if (text.startsWith("null", at)) {
            at += 4;
            switch (field) {
                case "id", "age", "course", "symptoms", "tenseAreas", "redFlags", "conditions", "clinicFindings" -> {
                    return; // an optional field given as null is not reported
                }
                default -> throw new NotPlain();
            }
        }
        switch (field) {
            case "id" -> b.id(string());
            case "cause" -> b.cause(constant(Cause.class));
            case "sensitivity" -> b.sensitivity(constant(Sensitivity.class));
            case "inflammation" -> b.inflammation(constant(Inflammation.class));
            case "painLevel" -> b.painLevel(number(Assessment.MIN_PAIN, Assessment.MAX_PAIN));
            case "age" -> b.age(number(Assessment.MIN_AGE, Assessment.MAX_AGE));
            case "course" -> b.course(constant(Course.class));
            case "symptoms" -> b.symptoms(constants(Symptom.class));
            case "tenseAreas" -> b.tenseAreas(constants(BodyArea.class));
            case "redFlags" -> b.redFlags(constants(RedFlag.class));
            case "conditions" -> b.conditions(constants(Condition.class));
            case "clinicFindings" -> b.clinicFindings(strings(64));
            default -> throw new NotPlain();
        }
    }

    private <E extends Enum<E>> E constant(Class<E> type) {
        String name = string();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new NotPlain();
    }

    private <E extends Enum<E>> List<E> constants(Class<E> type) {
        List<E> values = new ArrayList<>();
        for (String name : strings(type.getEnumConstants().length * 4)) {
            E found = null;
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    found = constant;
                }
            }
            if (found == null) {
                throw new NotPlain();
            }
            values.add(found);
        }
        return values;
    }

    private List<String> strings(int most) {
        expect('[');
        List<String> values = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return values;
        }
        while (true) {
            space();
            values.add(string());
            space();
            char c = next();
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw new NotPlain();
            }
        }
        if (values.size() > most) {
            throw new NotPlain();
        }
        return values;
    }

    /** A whole number written plainly (no sign but minus, no leading zero, no fraction), within the range. */
    private int number(int min, int max) {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int count = at - digits;
        if (count == 0 || count > 9 || (count > 1 && text.charAt(digits) == '0')) {
            throw new NotPlain();
        }
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            throw new NotPlain();
        }
        int value = Integer.parseInt(text.substring(start, at));
        if (value < min || value > max) {
            throw new NotPlain();
        }
        return value;
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw new NotPlain();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new NotPlain();
                    }
                    char u = (char) Integer.parseInt(text.substring(at, at + 4), 16);
                    if (Character.isSurrogate(u) || text.charAt(at) == '+' || text.charAt(at) == '-') {
                        throw new NotPlain();
                    }
                    s.append(u);
                    at += 4;
                }
                default -> throw new NotPlain();
            }
        }
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new NotPlain();
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new NotPlain();
        }
    }
}
