package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/**
 * The runtime safety monitor: checks every answer against the safety table (docs/SPEC.md,
 * "Safety table") before it is returned. Written from the table, not from the rules: it reads only
 * the assessment and the finished answer, so a rule that is added, replaced or removed cannot
 * switch it off. Line 14 (never less cautious) compares two answers and is checked over the whole
 * input space by the test suite instead.
 *
 * <p>It reads the plan steps' words for two checks: a step that names the lower back works the
 * lower back (line 17), and a step that names the forearm asks for firm pressure (line 24).
 */
final class SafetyMonitor {
    /** The file, in a rule directory, that lists a clinic's deliberate departures. */
    static final String DEPARTURES_FILE = "safety-departures.csv";
    /** The highest line of the safety table. */
    static final int LINES = 38;
    /** A line that no longer exists: line 27 replaced it. */
    static final int REPLACED_LINE = 22;

    /** A broken line: which, what went wrong, and the rules behind the offending part of the answer. */
    record Violation(int line, String what, List<String> ruleIds) {
    }

    /** A clinic's deliberate, written departure from one line of the table. */
    record Departure(int line, String reason, String file) {
        static List<Departure> read(RuleFile file, List<RuleProblem> problems) {
            List<Departure> departures = new ArrayList<>();
            CsvTable.read(file, List.of("line", "reason"), "a departure", problems, (row, at) -> {
                String lineText = row.get(0).strip();
                if (!lineText.matches("\\d{1,2}") || Integer.parseInt(lineText) < 1 || Integer.parseInt(lineText) > LINES
                        || Integer.parseInt(lineText) == 14 || Integer.parseInt(lineText) == REPLACED_LINE) {
                    throw new IllegalArgumentException("line must be a safety-table line from 1 to " + LINES
                            + " (14 is checked across answers, not per answer; 22 was replaced by 27), was \"" + lineText + "\"");
                }
                if (row.get(1).isBlank()) {
                    throw new IllegalArgumentException("a departure from line " + lineText + " needs a written reason");
                }
                departures.add(new Departure(Integer.parseInt(lineText), row.get(1).strip(), file.name()));
            });
            return departures;
        }
    }

    /** The nerve symptoms of line 27: pain, tingling or loss that may come from a nerve root. */
    private static final Set<Symptom> NERVE_SYMPTOMS = EnumSet.of(Symptom.SHOOTING_PAIN, Symptom.BURNING_PAIN,
            Symptom.TINGLING, Symptom.PINS_AND_NEEDLES, Symptom.NUMBNESS, Symptom.WEAKNESS);
    /** Words of a plan step that works the calves or the backs of the thighs (line 30). */
    private static final java.util.regex.Pattern LEGS = java.util.regex.Pattern.compile(
            "(?i)\\b(calf|calves|hamstrings?|backs? of the thighs?|soleus|gastrocnemius)\\b");

    /** A step that asks to increase pressure ("increase it gradually"), not one that forbids it ("do not increase it"). */
    private static final java.util.regex.Pattern INCREASE = java.util.regex.Pattern.compile("(?<!not )\\bincrease");
    private static final java.util.regex.Pattern FIRM_WORD = java.util.regex.Pattern.compile("\\bfirm\\b");

    /** The words by which a plan step names a body area (lower case). */
    static final java.util.Map<BodyArea, List<String>> AREA_WORDS = new java.util.EnumMap<>(java.util.Map.of(
            BodyArea.LOWER_BACK, List.of("lower back"),
            BodyArea.GLUTEUS_MAXIMUS, List.of("gluteal", "gluteus maximus"),
            BodyArea.GLUTEUS_MEDIUS, List.of("gluteal", "gluteus medius"),
            BodyArea.GLUTEUS_MINIMUS, List.of("gluteus minimus", "side of the hip"),
            BodyArea.PIRIFORMIS, List.of("piriformis"),
            BodyArea.HAMSTRINGS, List.of("hamstring", "back of the thigh"),
            BodyArea.IT_BAND, List.of("it band"),
            BodyArea.HIP_ROTATORS, List.of("hip rotator"),
            BodyArea.SOLEUS, List.of("soleus", "calf", "calves"),
            BodyArea.GASTROCNEMIUS, List.of("gastrocnemius", "calf", "calves")));

    private SafetyMonitor() {
    }

    /**
     * Every line the answer breaks, in line order; empty for a safe answer.
     *
     * @param a       the assessment
     * @param r       the answer
     * @param added   the rules of the answer that did not ship with the library (named when a
     *                line is broken by something missing rather than by a part of the answer)
     */
    static List<Violation> check(Assessment a, Recommendation r, Function<List<String>, List<String>> added) {
        Check c = new Check(a, r, added);
        c.run();
        return c.violations;
    }

    private static final class Check {
        final Assessment a;
        final Recommendation r;
        final Function<List<String>, List<String>> added;
        final List<Violation> violations = new ArrayList<>();
        final boolean refer;
        final Set<Technique> excluded = EnumSet.noneOf(Technique.class);

        Check(Assessment a, Recommendation r, Function<List<String>, List<String>> added) {
            this.a = a;
            this.r = r;
            this.added = added;
            this.refer = r.disposition() == Disposition.REFER;
            r.excluded().forEach(e -> excluded.add(e.technique()));
        }

        void run() {
            Set<RedFlag> flags = a.redFlags();
            Set<Condition> conditions = a.conditions();
            Set<Symptom> symptoms = a.symptoms();
            shape();
            if (!flags.isEmpty()) {                                                        // line 1
                refers(1, "a red flag is present");
                warns(1, WarningCode.RED_FLAG_REFERRAL);
                if (flags.stream().anyMatch(RedFlag::isCaudaEquinaSign)) {
                    urgency(1, Urgency.EMERGENCY, "a cauda equina sign");
                }
            }
            if (conditions.contains(Condition.DEEP_VEIN_THROMBOSIS)) {                      // line 2
                refers(2, "deep vein thrombosis");
                warns(2, WarningCode.CONDITION_REFERRAL);
            }
            if (!refer && r.techniques().isEmpty()) {                                      // line 3
                fail(3, "no technique is left, but the answer does not refer", List.of());
            }
            if (refer && r.warnings().stream().noneMatch(w -> w.severity() == org.sciatica.advisor.Severity.REFERRAL)) {
                fail(3, "the answer refers, but no warning says why (NO_SAFE_TECHNIQUE when no technique is left)", List.of());
            }
            if (a.inflammation() == Inflammation.ACUTE) {                                  // line 4
                excludes(4, "acute inflammation", Technique.DEEP_TISSUE, Technique.HOT_STONE);
            }
            // Lines that shape hands-on advice apply to answers that are not referrals: a referral carries none (line 33).
            if (!refer) {
                if (a.sensitivity() == Sensitivity.HIGH) {                                     // line 5
                    excludes(5, "high pressure sensitivity", Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);
                    noFirm(5, "high pressure sensitivity");
                }
                if (conditions.contains(Condition.ANTICOAGULANT_THERAPY) || conditions.contains(Condition.BLEEDING_DISORDER)) {
                    excludes(6, "anticoagulants or a bleeding disorder", Technique.DEEP_TISSUE, Technique.TRIGGER_POINT);
                }
                if (conditions.contains(Condition.PERIPHERAL_NEUROPATHY) || conditions.contains(Condition.DIABETES)) {
                    excludes(7, "peripheral neuropathy or diabetes", Technique.HOT_STONE);
                }
                if (conditions.contains(Condition.PREGNANCY)) {                                // line 8
                    excludes(8, "pregnancy", Technique.HOT_STONE);
                    atLeastCaution(8, "pregnancy");
                }
                if (conditions.contains(Condition.OSTEOPOROSIS)) {                             // line 9
                    excludes(9, "osteoporosis", Technique.DEEP_TISSUE);
                    noFirm(9, "osteoporosis");
                }
                if (conditions.contains(Condition.RECENT_SURGERY)) {                           // line 10
                    excludes(10, "recent surgery", Technique.DEEP_TISSUE);
                    atLeastCaution(10, "recent surgery");
                }
                if (conditions.contains(Condition.SKIN_CONDITION)) {                           // line 11
                    excludes(11, "a skin condition", Technique.HOT_STONE);
                }
                if (a.cause() == Cause.HERNIATED_DISC || a.cause() == Cause.SPINAL_STENOSIS || a.cause() == Cause.OTHER_SPINAL) {
                    notFirst(12, "a nerve-compression cause", Technique.TRIGGER_POINT);        // line 12
                    warns(12, WarningCode.NERVE_COMPRESSION_CAUSE);
                    atLeastCaution(12, "a nerve-compression cause");
                }
                if (a.painLevel() >= 7) {                                                      // lines 13, 21
                    atLeastCaution(13, "severe pain");
                    noFirm(13, "severe pain");
                    warns(13, WarningCode.SEVERE_PAIN_CONSULT);
                    notFirst(21, "severe pain", Technique.TRIGGER_POINT);
                }
                if (symptoms.contains(Symptom.NUMBNESS) || conditions.contains(Condition.PERIPHERAL_NEUROPATHY)
                        || conditions.contains(Condition.DIABETES)) {                          // line 15
                    noFirm(15, "reduced sensation");
                    excludes(15, "reduced sensation", Technique.DEEP_TISSUE, Technique.HOT_STONE, Technique.TRIGGER_POINT);
                }
                if (symptoms.contains(Symptom.NUMBNESS) || symptoms.contains(Symptom.WEAKNESS)) { // line 16
                    notFirst(16, "neurological signs", Technique.TRIGGER_POINT);
                    noFirm(16, "neurological signs");
                    atLeastCaution(16, "neurological signs");
                    warns(16, WarningCode.NEUROLOGICAL_SIGNS);
                }
                if (conditions.contains(Condition.RECENT_SURGERY) || conditions.contains(Condition.RECENT_SPINAL_SURGERY)) {
                    noFirm(17, "recent surgery");                                              // line 17
                    excludes(17, "recent surgery", Technique.HOT_STONE, Technique.DEEP_TISSUE);
                    atLeastCaution(17, "recent surgery");
                }
                if (conditions.contains(Condition.RECENT_SPINAL_SURGERY)) {
                    notFocus(17, "recent spinal surgery", BodyArea.LOWER_BACK);
                    r.sessionPlan().steps().stream().filter(s -> s.text().toLowerCase(Locale.ROOT).contains("lower back"))
                            .forEach(s -> fail(17, "a plan step works the lower back after recent spinal surgery: \""
                                    + s.text() + "\"", List.of(s.ruleId())));
                }
                if (conditions.contains(Condition.VARICOSE_VEINS) || conditions.contains(Condition.PREGNANCY)) {
                    noFirm(18, "varicose veins or pregnancy");                                 // line 18
                    excludes(18, "varicose veins or pregnancy", Technique.HOT_STONE);
                    notFocus(18, "varicose veins or pregnancy", BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS);
                    atLeastCaution(18, "varicose veins or pregnancy");
                }
                if (conditions.contains(Condition.LONG_TERM_CORTICOSTEROIDS)) {                // line 19
                    excludes(19, "long-term corticosteroids", Technique.DEEP_TISSUE);
                    noFirm(19, "long-term corticosteroids");
                }
                if (conditions.contains(Condition.OPEN_WOUND)) {                               // line 20
                    excludes(20, "an open wound", Technique.HOT_STONE);
                    atLeastCaution(20, "an open wound");
                    warns(20, WarningCode.WOUND_SITE);
                }
                if (a.course() == Course.ACUTE && a.age() != null && (a.age() >= 50 || a.age() < 20)) { // line 23
                    atLeastCaution(23, "new sciatica at age " + a.age());
                    warns(23, WarningCode.SEEK_MEDICAL_ASSESSMENT);
                    notFirst(23, "new sciatica at age " + a.age(), Technique.TRIGGER_POINT);
                }
            }
            selfConsistent();                                                              // line 24
            areaLimitsHonoured();                                                          // line 24
            boolean deficit = symptoms.contains(Symptom.NUMBNESS) || symptoms.contains(Symptom.WEAKNESS)
                    || flags.contains(RedFlag.PROGRESSIVE_WEAKNESS) || flags.contains(RedFlag.FOOT_DROP);
            if (deficit && (flags.contains(RedFlag.FEVER) || flags.contains(RedFlag.IV_DRUG_USE)
                    || flags.contains(RedFlag.RECENT_BACTERIAL_INFECTION) || flags.contains(RedFlag.IMMUNOSUPPRESSION)
                    || flags.contains(RedFlag.RECENT_MAJOR_TRAUMA))) {                    // line 25
                refers(25, "an infection or trauma red flag with a neurological deficit");
                urgency(25, Urgency.EMERGENCY, "an infection or trauma red flag with a neurological deficit");
            }
            if (flags.contains(RedFlag.PROGRESSIVE_WEAKNESS) || flags.contains(RedFlag.FOOT_DROP)) { // line 26
                refers(26, "progressive weakness or foot drop");
                urgency(26, Urgency.EMERGENCY, "progressive weakness or foot drop");
            }
            if (flags.contains(RedFlag.HISTORY_OF_CANCER) && (a.cause() == Cause.HERNIATED_DISC
                    || a.cause() == Cause.SPINAL_STENOSIS || a.cause() == Cause.OTHER_SPINAL || a.cause() == Cause.UNKNOWN
                    || symptoms.stream().anyMatch(NERVE_SYMPTOMS::contains))) {               // line 27
                refers(27, "a history of cancer with a nerve-root or unknown cause or a nerve symptom");
                urgency(27, Urgency.EMERGENCY, "a history of cancer with a nerve-root or unknown cause or a nerve symptom");
            }
            Integer age = a.age();
            if (age != null && age < 16) {                                                 // line 28
                refers(28, "a client under 16");
            }
            if (!refer && age != null && age >= 75) {                                      // line 29
                excludes(29, "age 75 or over", Technique.DEEP_TISSUE, Technique.HOT_STONE);
                noFirm(29, "age 75 or over");
                atLeastCaution(29, "age 75 or over");
            }
            if (conditions.contains(Condition.RECENT_SURGERY) || conditions.contains(Condition.RECENT_SPINAL_SURGERY)) {
                notFocus(30, "recent surgery", BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS, BodyArea.HAMSTRINGS); // line 30
                r.sessionPlan().steps().stream().filter(st -> LEGS.matcher(st.text()).find())
                        .forEach(st -> fail(30, "a plan step works the calves or the backs of the thighs after recent surgery: \""
                                + st.text() + "\"", List.of(st.ruleId())));
            }
            if (conditions.contains(Condition.ANTICOAGULANT_THERAPY)) {
                notFocus(30, "anticoagulants", BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS);
            }
            if (conditions.contains(Condition.LONG_TERM_CORTICOSTEROIDS)) {                // line 31
                if (a.course() == Course.ACUTE || (age != null && age >= 50) || a.painLevel() >= 7) {
                    refers(31, "long-term corticosteroids with new sciatica, age 50 or over or severe pain");
                    warns(31, WarningCode.CONDITION_REFERRAL);
                } else if (!refer) {
                    excludes(31, "long-term corticosteroids", Technique.HOT_STONE);
                }
            }
            if (conditions.contains(Condition.RECENT_MINOR_TRAUMA)) {                      // line 32
                if (conditions.contains(Condition.OSTEOPOROSIS) || conditions.contains(Condition.LONG_TERM_CORTICOSTEROIDS)
                        || (age != null && age >= 70)) {
                    refers(32, "minor trauma with fragile bone");
                    warns(32, WarningCode.CONDITION_REFERRAL);
                } else {
                    atLeastCaution(32, "recent minor trauma");
                    noFirm(32, "recent minor trauma");
                }
            }
            if (refer) {                                                                   // line 33
                referralOnly();
            }
            if (!refer && (r.warns(WarningCode.SEEK_MEDICAL_ASSESSMENT) || r.warns(WarningCode.NEUROLOGICAL_SIGNS)
                    || r.warns(WarningCode.CAUSE_UNKNOWN))) {                              // line 34
                if (r.sessionPlan().sessionsPerWeek() != null) {
                    fail(34, "a medical assessment is due, but the plan sets sessions a week", List.of());
                }
                r.sessionPlan().steps().stream().filter(st -> st.text().toLowerCase(Locale.ROOT).contains("sessions a week"))
                        .forEach(st -> fail(34, "a medical assessment is due, but a step books a series of sessions: \""
                                + st.text() + "\"", List.of(st.ruleId())));
            }
            wordsMatchDecisions();                                                         // line 35
            if (conditions.contains(Condition.OSTEOPOROSIS) && a.course() == Course.ACUTE && a.painLevel() >= 7) {
                refers(36, "osteoporosis with new, severe pain");                            // line 36
                warns(36, WarningCode.CONDITION_REFERRAL);
            }
            if (conditions.contains(Condition.RECENT_SPINAL_SURGERY) && (symptoms.contains(Symptom.NUMBNESS)
                    || symptoms.contains(Symptom.WEAKNESS) || a.painLevel() >= 7)) {          // line 37
                refers(37, "recent spinal surgery with numbness, weakness or severe pain");
                warns(37, WarningCode.CONDITION_REFERRAL);
            }
            if (conditions.contains(Condition.RECENT_MINOR_TRAUMA)
                    && (symptoms.contains(Symptom.NUMBNESS) || symptoms.contains(Symptom.WEAKNESS))
                    && (conditions.contains(Condition.OSTEOPOROSIS) || conditions.contains(Condition.LONG_TERM_CORTICOSTEROIDS)
                            || (age != null && age >= 70) || conditions.contains(Condition.ANTICOAGULANT_THERAPY)
                            || conditions.contains(Condition.BLEEDING_DISORDER))) {                // line 38
                refers(38, "minor trauma with fragile bone or a bleeding risk and a loss of nerve function");
                urgency(38, Urgency.EMERGENCY, "minor trauma with fragile bone or a bleeding risk and a loss of nerve function");
            }
        }

        /**
         * Line 24 for restrictions on single body areas: a focus area that the answer restricts
         * carries its restriction, and no plan step that names a restricted area asks there for a
         * technique kept off it or for more pressure than it allows. What a step asks is read from
         * its words, as for the lower back and the forearm above.
         */
        private void areaLimitsHonoured() {
            for (Recommendation.FocusArea f : r.focusAreas()) {
                Recommendation.AreaLimit limit = r.areaLimit(f.area()).orElse(null);
                if (!java.util.Objects.equals(limit, f.limit())) {
                    fail(24, "focus area " + f.area() + " must carry the answer's restriction of that area (" + limit
                            + "), carries " + f.limit(), ids(f.reasons()));
                }
            }
            for (Recommendation.AreaLimit limit : r.areaLimits()) {
                for (Recommendation.PlanStep s : r.sessionPlan().steps()) {
                    String text = s.text().toLowerCase(Locale.ROOT);
                    if (!namesArea(text, limit.area())) {
                        continue;
                    }
                    String asks = asksBeyond(text, limit);
                    if (asks != null) {
                        List<String> rules = new ArrayList<>(ids(limit.reasons()));
                        rules.add(0, s.ruleId());
                        fail(24, "a plan step asks for " + asks + " on " + limit.area() + ", which the answer keeps off it: \""
                                + s.text() + "\"", rules);
                    }
                }
            }
        }

        /** What a step asks for on an area beyond what its limit allows, or null when nothing. */
        private static @org.jspecify.annotations.Nullable String asksBeyond(String text, Recommendation.AreaLimit limit) {
            boolean forearm = text.contains("forearm");
            if ((forearm || FIRM_WORD.matcher(text).find()) && limit.maxPressure() != null && limit.maxPressure().compareTo(Pressure.FIRM) < 0) {
                return "firm pressure";
            }
            if (INCREASE.matcher(text).find() && limit.maxPressure() == Pressure.LIGHT) {
                return "pressure increased beyond light";
            }
            if (forearm && limit.keepOff().contains(Technique.DEEP_TISSUE)) {
                return "deep forearm work (" + Technique.DEEP_TISSUE + ")";
            }
            for (Technique t : limit.keepOff()) {
                if (text.contains(t.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                    return t.toString();
                }
            }
            return null;
        }

        /** True when a step's words name the body area. */
        private static boolean namesArea(String text, BodyArea area) {
            return AREA_WORDS.getOrDefault(area, List.of()).stream().anyMatch(text::contains);
        }

        /** Line 33: a referral carries no hands-on advice. */
        private void referralOnly() {
            if (!r.techniques().isEmpty()) {
                fail(33, "a referral recommends techniques", ids(allReasons()));
            }
            r.focusAreas().forEach(f -> fail(33, "a referral names focus area " + f.area(), ids(f.reasons())));
            r.sessionPlan().steps().forEach(st -> fail(33, "a referral has a plan step: \"" + st.text() + "\"",
                    List.of(st.ruleId())));
            if (r.sessionPlan().sessionsPerWeek() != null) {
                fail(33, "a referral sets sessions a week", List.of());
            }
            r.warnings().stream().filter(w -> w.severity() != org.sciatica.advisor.Severity.REFERRAL
                            && !w.code().equals(WarningCode.SAFETY_DEPARTURE.name()))
                    .forEach(w -> fail(33, "a referral carries hands-on advice: warning " + w.code() + " (" + w.severity() + ")",
                            List.of(w.ruleId())));
        }

        /** Line 35: trigger point work never at light pressure; numbness or weakness, or "gentle work only", mean light. */
        private void wordsMatchDecisions() {
            r.technique(Technique.TRIGGER_POINT).filter(t -> t.pressure() == Pressure.LIGHT).ifPresent(t ->
                    fail(35, "TRIGGER_POINT is recommended at LIGHT pressure; where only light pressure is allowed it is excluded",
                            ids(t.reasons())));
            boolean gentleOnly = a.symptoms().contains(Symptom.NUMBNESS) || a.symptoms().contains(Symptom.WEAKNESS);
            String why = "numbness or weakness";
            if (!gentleOnly) {
                for (Recommendation.Warning w : r.warnings()) {
                    if (w.message().toLowerCase(Locale.ROOT).contains("gentle work only")) {
                        gentleOnly = true;
                        why = "warning " + w.code() + " says \"gentle work only\"";
                    }
                }
            }
            if (gentleOnly) {
                for (Recommendation.RankedTechnique t : r.techniques()) {
                    if (t.pressure() != Pressure.LIGHT) {
                        fail(35, why + ": every technique must be LIGHT, but " + t.technique() + " is " + t.pressure(),
                                ids(t.reasons()));
                    }
                }
            }
        }

        private void shape() {
            List<Technique> all = new ArrayList<>();
            r.techniques().forEach(t -> all.add(t.technique()));
            r.excluded().forEach(e -> all.add(e.technique()));
            if (all.size() != Technique.values().length || EnumSet.copyOf(all).size() != Technique.values().length) {
                fail(24, "every technique must appear exactly once in techniques or excluded, got " + all, List.of());
            }
        }

        private void selfConsistent() {
            boolean nerveWarning = r.warns(WarningCode.NO_DIRECT_NERVE_PRESSURE);
            if (refer && nerveWarning) {
                fail(24, "NO_DIRECT_NERVE_PRESSURE in a referral: there is no massage", List.of());
            } else if (!refer && !nerveWarning) {
                fail(24, "NO_DIRECT_NERVE_PRESSURE is missing: every answer that is not a referral carries it", List.of());
            }
            boolean firmDeepTissue = r.technique(Technique.DEEP_TISSUE).map(t -> t.pressure() == Pressure.FIRM).orElse(false);
            for (Recommendation.PlanStep s : r.sessionPlan().steps()) {
                if (s.text().toLowerCase(Locale.ROOT).contains("forearm") && !firmDeepTissue) {
                    fail(24, "a plan step asks for firm forearm work although firm pressure is limited or deep tissue excluded: \""
                            + s.text() + "\"", List.of(s.ruleId()));
                }
            }
        }

        private void refers(int line, String why) {
            if (!refer) {
                fail(line, why + ": the answer must refer, was " + r.disposition(), ids(allReasons()));
            }
        }

        private void urgency(int line, Urgency at, String why) {
            if (refer && r.referral() != null && r.referral().urgency().compareTo(at) < 0) {
                fail(line, why + ": urgency must be " + at + ", was " + r.referral().urgency(), ids(r.referral().reasons()));
            }
        }

        private void warns(int line, WarningCode code) {
            if (!r.warns(code)) {
                fail(line, "warning " + code + " is missing", List.of());
            }
        }

        private void atLeastCaution(int line, String why) {
            if (r.disposition().compareTo(Disposition.PROCEED_WITH_CAUTION) < 0) {
                fail(line, why + ": disposition must be at least PROCEED_WITH_CAUTION, was " + r.disposition(), List.of());
            }
        }

        private void excludes(int line, String why, Technique... techniques) {
            for (Technique t : techniques) {
                if (!excluded.contains(t)) {
                    fail(line, why + ": " + t + " must be excluded, but it is offered",
                            r.technique(t).map(x -> ids(x.reasons())).orElse(List.of()));
                }
            }
        }

        private void noFirm(int line, String why) {
            r.techniques().stream().filter(t -> t.pressure() == Pressure.FIRM).forEach(t ->
                    fail(line, why + ": no FIRM pressure, but " + t.technique() + " is FIRM", ids(t.reasons())));
        }

        private void notFirst(int line, String why, Technique t) {
            if (!r.techniques().isEmpty() && r.techniques().get(0).technique() == t) {
                fail(line, why + ": " + t + " must never be ranked first", ids(r.techniques().get(0).reasons()));
            }
        }

        private void notFocus(int line, String why, BodyArea... areas) {
            for (Recommendation.FocusArea f : r.focusAreas()) {
                for (BodyArea area : areas) {
                    if (f.area() == area) {
                        fail(line, why + ": " + area + " must not be a focus area", ids(f.reasons()));
                    }
                }
            }
        }

        private List<Reason> allReasons() {
            List<Reason> reasons = new ArrayList<>();
            r.techniques().forEach(t -> reasons.addAll(t.reasons()));
            return reasons;
        }

        private static List<String> ids(List<Reason> reasons) {
            Set<String> ids = new LinkedHashSet<>();
            reasons.forEach(x -> ids.add(x.ruleId()));
            return new ArrayList<>(ids);
        }

        private void fail(int line, String what, List<String> offending) {
            Set<String> ids = new LinkedHashSet<>(offending);
            ids.addAll(added.apply(r.firedRules()));
            violations.add(new Violation(line, what, new ArrayList<>(ids)));
        }
    }
}
