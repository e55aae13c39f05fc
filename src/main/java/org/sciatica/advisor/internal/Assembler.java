package org.sciatica.advisor.internal;

import org.sciatica.advisor.facts.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.ExcludedTechnique;
import org.sciatica.advisor.Recommendation.FocusArea;
import org.sciatica.advisor.Recommendation.PlanStep;
import org.sciatica.advisor.Recommendation.Question;
import org.sciatica.advisor.Recommendation.RankedTechnique;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Recommendation.Referral;
import org.sciatica.advisor.Recommendation.SessionPlan;
import org.sciatica.advisor.Recommendation.SessionsPerWeek;
import org.sciatica.advisor.Recommendation.Warning;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the rules said into a {@link Recommendation}. The only place that ranks, de-duplicates
 * and orders; every order is total, so the same facts always give the same answer.
 *
 * <ul>
 *   <li>Disposition: {@code REFER} when any rule refers, raises a referral warning, or leaves no
 *       technique; otherwise the most cautious {@link WarningCode#disposition()} of the warnings.</li>
 *   <li>Techniques: those no rule excluded, demoted ones last, then by total support weight,
 *       then gentlest first ({@link Technique#gentlenessRank()}).</li>
 *   <li>Pressure: the technique's {@link Technique#usualPressure()}, lowered to the lowest
 *       pressure limit any rule set.</li>
 *   <li>Focus areas: those the rules name, less any area a rule keeps hands off.</li>
 *   <li>The standing nerve warning ({@code NO_DIRECT_NERVE_PRESSURE}) travels with every answer
 *       that is not a referral and with none that is: a referred client gets no massage.</li>
 *   <li>A referral reads as a referral: no techniques, focus areas or plan steps, no sessions a
 *       week, and only the warnings of severity {@code REFERRAL} (no hands-on advice beside "do not
 *       massage").</li>
 *   <li>Questions: one per missing input field the rules ask about, in input-field order.</li>
 *   <li>Sources: every source a reason, warning or step names, once, in order of first mention.</li>
 * </ul>
 */
final class Assembler {
    /** Ties in support are broken gentlest, most widely tolerated technique first. */
    static final List<Technique> TIE_ORDER = java.util.Arrays.stream(Technique.values())
            .sorted(Comparator.comparingInt(Technique::gentlenessRank)).toList();

    private final RuleBase rules;
    private final Comparator<Reason> reasonOrder;

    Assembler(RuleBase rules) {
        this.rules = rules;
        this.reasonOrder = Comparator.comparing(Reason::ruleId, rules.ruleOrder()).thenComparing(Reason::text);
    }

    Recommendation assemble(Assessment assessment, Evaluation evaluation, java.time.LocalDate asOf) {
        Facts facts = new Facts(evaluation.said(), rules);

        List<Warning> allWarnings = warnings(facts.alerts);
        List<Warning> warnings = allWarnings;
        List<Reason> referralReasons = new ArrayList<>(facts.referralReasons);
        Urgency urgency = facts.urgency;
        if (urgency == null) {
            // A rule raised a referral warning without saying how urgent: refer anyway (safety wins).
            for (Warning w : warnings) {
                if (rules.disposition(w.code()) == Disposition.REFER) {
                    urgency = Urgency.URGENT;
                    referralReasons.add(new Reason(w.message(), w.ruleId(), w.sourceId()));
                }
            }
        }

        List<RankedTechnique> ranked = urgency == null ? rank(facts) : List.of();
        if (urgency == null && ranked.isEmpty()) {
            // No rule referred although every technique is excluded: refer anyway, citing the exclusions.
            urgency = Urgency.URGENT;
            facts.exclusions.values().forEach(referralReasons::addAll);
        }

        List<String> fired = evaluation.fired().stream().map(RuleInfo::id).sorted(rules.ruleOrder()).toList();
        List<Question> questions = questions(facts);
        if (urgency != null) {
            // A referred client gets no massage, so no hands-on advice: only the referral warnings stay.
            warnings = allWarnings.stream().filter(w -> w.severity() == org.sciatica.advisor.Severity.REFERRAL).toList();
            // The reasons at the referral's urgency, in rule order: an emergency referral says only what to
            // do now, never "today" beside it (the less urgent findings stay in the warnings).
            Urgency at = urgency;
            List<Reason> because = new ArrayList<>(unique(referralReasons).stream()
                    .filter(r -> facts.referralUrgency.getOrDefault(r, Urgency.URGENT) == at).toList());
            because.sort(reasonOrder);
            List<ExcludedTechnique> excluded = new ArrayList<>();
            for (Technique t : Technique.values()) {
                List<Reason> reasons = new ArrayList<>(facts.exclusions.getOrDefault(t, List.of()));
                reasons.addAll(because);
                excluded.add(new ExcludedTechnique(t, sortedUnique(reasons)));
            }
            Referral referral = new Referral(urgency, because);
            SessionPlan plan = new SessionPlan(List.of(), null);
            return new Recommendation(assessment.id(), Disposition.REFER, referral, List.of(), excluded, warnings,
                    List.of(), plan, fired, questions, sources(referral, List.of(), excluded, warnings, List.of(), plan, questions,
                    List.of()), rules.version(), asOf, List.of());
        }

        List<ExcludedTechnique> excluded = new ArrayList<>();
        for (Technique t : Technique.values()) {
            if (facts.exclusions.containsKey(t)) {
                excluded.add(new ExcludedTechnique(t, sortedUnique(facts.exclusions.get(t))));
            }
        }
        Disposition disposition = warnings.stream().map(w -> rules.disposition(w.code()))
                .max(Comparator.naturalOrder()).orElse(Disposition.PROCEED);
        List<Recommendation.AreaLimit> areaLimits = areaLimits(facts);
        List<FocusArea> focus = focusAreas(facts, areaLimits);
        SessionPlan plan = sessionPlan(facts);
        return new Recommendation(assessment.id(), disposition, null, ranked, excluded, warnings, focus, plan, fired,
                questions, sources(null, ranked, excluded, warnings, focus, plan, questions, areaLimits), rules.version(), asOf,
                areaLimits);
    }

    /** Every source the answer names, once each, in the order the answer first mentions them. */
    private List<Source> sources(@Nullable Referral referral, List<RankedTechnique> ranked, List<ExcludedTechnique> excluded,
                                 List<Warning> warnings, List<FocusArea> focus, SessionPlan plan, List<Question> questions,
                                 List<Recommendation.AreaLimit> areaLimits) {
        Set<String> ids = new LinkedHashSet<>();
        if (referral != null) {
            referral.reasons().forEach(r -> ids.add(r.sourceId()));
        }
        ranked.forEach(t -> t.reasons().forEach(r -> ids.add(r.sourceId())));
        excluded.forEach(t -> t.reasons().forEach(r -> ids.add(r.sourceId())));
        warnings.forEach(w -> ids.add(w.sourceId()));
        focus.forEach(f -> f.reasons().forEach(r -> ids.add(r.sourceId())));
        plan.steps().forEach(s -> ids.add(s.sourceId()));
        areaLimits.forEach(l -> l.reasons().forEach(r -> ids.add(r.sourceId())));
        questions.forEach(q -> ids.add(q.sourceId()));
        List<Source> sources = new ArrayList<>(ids.size());
        for (String id : ids) {
            sources.add(rules.source(id));
        }
        return sources;
    }

    private List<RankedTechnique> rank(Facts facts) {
        Pressure limit = Pressure.FIRM;
        for (PressureLimit l : facts.limits.keySet()) {
            if (l.max().compareTo(limit) < 0) {
                limit = l.max();
            }
        }
        List<Technique> candidates = new ArrayList<>();
        for (Technique t : TIE_ORDER) {
            if (!facts.exclusions.containsKey(t)) {
                candidates.add(t);
            }
        }
        candidates.sort(Comparator.comparing((Technique t) -> facts.demotions.containsKey(t))
                .thenComparing(Comparator.comparingInt((Technique t) -> facts.score(t)).reversed())
                .thenComparingInt(TIE_ORDER::indexOf));

        List<RankedTechnique> ranked = new ArrayList<>();
        for (Technique t : candidates) {
            Pressure usual = t.usualPressure();
            Pressure pressure = usual.compareTo(limit) <= 0 ? usual : limit;
            List<Reason> reasons = new ArrayList<>();
            facts.supports.getOrDefault(t, List.of()).stream()
                    .sorted(Comparator.comparingInt((Weighed w) -> w.weight).reversed()
                            .thenComparing(w -> w.reason, reasonOrder))
                    .forEach(w -> reasons.add(w.reason));
            if (pressure != usual) {
                List<Reason> lowering = new ArrayList<>();
                facts.limits.forEach((l, r) -> {
                    if (l.max().compareTo(usual) < 0) {
                        lowering.add(new Reason("pressure kept " + l.max() + ": " + r.text(), r.ruleId(), r.sourceId()));
                    }
                });
                reasons.addAll(sortedUnique(lowering));
            }
            reasons.addAll(sortedUnique(facts.demotions.getOrDefault(t, List.of())));
            ranked.add(new RankedTechnique(t, pressure, unique(reasons)));
        }
        return ranked;
    }

    private List<Warning> warnings(List<Warning> alerts) {
        List<Warning> unique = new ArrayList<>(new LinkedHashSet<>(alerts));
        unique.sort(Comparator.comparing(Warning::severity).reversed()
                .thenComparing(Warning::ruleId, rules.ruleOrder())
                .thenComparing(Warning::code)
                .thenComparing(Warning::message));
        return unique;
    }

    private List<FocusArea> focusAreas(Facts facts, List<Recommendation.AreaLimit> limits) {
        List<FocusArea> areas = new ArrayList<>();
        for (BodyArea area : BodyArea.values()) {
            List<Reason> reasons = facts.focus.get(area);
            if (reasons != null && !facts.handsOff.contains(area)) {
                Recommendation.AreaLimit limit = limits.stream().filter(l -> l.area() == area).findFirst().orElse(null);
                areas.add(new FocusArea(area, sortedUnique(reasons), limit));
            }
        }
        return areas;
    }

    /**
     * One entry per body area a rule restricts, in {@link BodyArea} order: the techniques kept off
     * it and the lowest pressure limit on it, with the reasons. An area kept hands off altogether
     * needs no entry: nothing is done there.
     */
    private List<Recommendation.AreaLimit> areaLimits(Facts facts) {
        List<Recommendation.AreaLimit> limits = new ArrayList<>();
        for (BodyArea area : BodyArea.values()) {
            Map<Technique, List<Reason>> off = facts.areaRestrictions.getOrDefault(area, Map.of());
            Map<Pressure, List<Reason>> pressure = facts.areaPressure.getOrDefault(area, Map.of());
            if (facts.handsOff.contains(area) || off.isEmpty() && pressure.isEmpty()) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            List<Technique> keepOff = new ArrayList<>();
            for (Technique t : Technique.values()) {
                if (off.containsKey(t)) {
                    keepOff.add(t);
                    reasons.addAll(off.get(t));
                }
            }
            Pressure max = null;
            for (Pressure p : Pressure.values()) {
                if (pressure.containsKey(p)) {
                    max = p;
                    reasons.addAll(pressure.get(p));
                    break;
                }
            }
            limits.add(new Recommendation.AreaLimit(area, keepOff, max, sortedUnique(reasons)));
        }
        return limits;
    }

    private SessionPlan sessionPlan(Facts facts) {
        List<Stepped> steps = new ArrayList<>(new LinkedHashSet<>(facts.steps));
        steps.sort(Comparator.comparing((Stepped s) -> s.phase)
                .thenComparing(s -> s.ruleId, rules.ruleOrder())
                .thenComparing(s -> s.text));
        Frequency frequency = null;
        for (Frequency f : facts.frequencies) {
            if (frequency == null || f.max() < frequency.max() || (f.max() == frequency.max() && f.min() < frequency.min())) {
                frequency = f;
            }
        }
        return new SessionPlan(steps.stream().map(s -> new PlanStep(s.text, s.ruleId, s.sourceId)).toList(),
                frequency == null ? null : new SessionsPerWeek(frequency.min(), frequency.max()));
    }

    /** The questions, one per field (the first rule to ask, in rule order), in input-field order. */
    private List<Question> questions(Facts facts) {
        List<Question> asked = new ArrayList<>(new LinkedHashSet<>(facts.questions));
        asked.sort(Comparator.comparingInt((Question q) -> FIELD_ORDER.indexOf(q.field()) < 0 ? Integer.MAX_VALUE
                        : FIELD_ORDER.indexOf(q.field()))
                .thenComparing(Question::field)
                .thenComparing(Question::ruleId, rules.ruleOrder())
                .thenComparing(Question::text));
        List<Question> questions = new ArrayList<>();
        for (Question q : asked) {
            if (questions.isEmpty() || !questions.get(questions.size() - 1).field().equals(q.field())) {
                questions.add(q);
            }
        }
        return questions;
    }

    /** The input fields in the order the assessment declares them. */
    private static final List<String> FIELD_ORDER = java.util.Arrays.stream(Assessment.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    private List<Reason> sortedUnique(List<Reason> reasons) {
        List<Reason> unique = unique(reasons);
        unique.sort(reasonOrder);
        return unique;
    }

    private static List<Reason> unique(List<Reason> reasons) {
        return new ArrayList<>(new LinkedHashSet<>(reasons));
    }

    private record Weighed(int weight, Reason reason) {
    }

    private record Stepped(Phase phase, String text, String ruleId, String sourceId) {
    }

    /** The rules' facts, sorted by kind, each with the reason its rule gives. */
    private static final class Facts {
        final Map<Technique, List<Weighed>> supports = new EnumMap<>(Technique.class);
        final Map<Technique, List<Reason>> exclusions = new EnumMap<>(Technique.class);
        final Map<Technique, List<Reason>> demotions = new EnumMap<>(Technique.class);
        final Map<PressureLimit, Reason> limits = new java.util.LinkedHashMap<>();
        final Map<BodyArea, List<Reason>> focus = new EnumMap<>(BodyArea.class);
        final Set<BodyArea> handsOff = java.util.EnumSet.noneOf(BodyArea.class);
        final Map<BodyArea, Map<Technique, List<Reason>>> areaRestrictions = new EnumMap<>(BodyArea.class);
        final Map<BodyArea, Map<Pressure, List<Reason>>> areaPressure = new EnumMap<>(BodyArea.class);
        final List<Reason> referralReasons = new ArrayList<>();
        final Map<Reason, Urgency> referralUrgency = new java.util.HashMap<>();
        final List<Warning> alerts = new ArrayList<>();
        final List<Stepped> steps = new ArrayList<>();
        final List<Frequency> frequencies = new ArrayList<>();
        final List<Question> questions = new ArrayList<>();
        /** The most urgent referral any rule asked for; null when none did. */
        @Nullable Urgency urgency;

        Facts(List<Evaluation.Said> said, RuleBase rules) {
            for (Evaluation.Said s : said) {
                RuleInfo rule = s.rule();
                if (s.fact() instanceof Support f) {
                    Weighed w = new Weighed(f.weight(), reason(f.reason(), rule));
                    List<Weighed> list = supports.computeIfAbsent(f.technique(), k -> new ArrayList<>());
                    if (!list.contains(w)) {
                        list.add(w);
                    }
                } else if (s.fact() instanceof Exclusion f) {
                    exclusions.computeIfAbsent(f.technique(), k -> new ArrayList<>()).add(reason(f.reason(), rule));
                } else if (s.fact() instanceof Demotion f) {
                    demotions.computeIfAbsent(f.technique(), k -> new ArrayList<>()).add(reason(f.reason(), rule));
                } else if (s.fact() instanceof PressureLimit f) {
                    limits.putIfAbsent(f, reason(f.reason(), rule));
                } else if (s.fact() instanceof Focus f) {
                    focus.computeIfAbsent(f.area(), k -> new ArrayList<>()).add(reason(f.reason(), rule));
                } else if (s.fact() instanceof HandsOff f) {
                    handsOff.add(f.area());
                } else if (s.fact() instanceof AreaRestriction f) {
                    areaRestrictions.computeIfAbsent(f.area(), k -> new EnumMap<>(Technique.class))
                            .computeIfAbsent(f.technique(), k -> new ArrayList<>()).add(reason(f.reason(), rule));
                } else if (s.fact() instanceof AreaPressureLimit f) {
                    areaPressure.computeIfAbsent(f.area(), k -> new EnumMap<>(Pressure.class))
                            .computeIfAbsent(f.max(), k -> new ArrayList<>()).add(reason(f.reason(), rule));
                } else if (s.fact() instanceof Refer f) {
                    Reason because = reason(f.reason(), rule);
                    referralReasons.add(because);
                    referralUrgency.merge(because, f.urgency(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    if (urgency == null || f.urgency().compareTo(urgency) > 0) {
                        urgency = f.urgency();
                    }
                } else if (s.fact() instanceof Alert f) {
                    alerts.add(new Warning(f.code(), rules.severity(f.code(), rule), f.message(), rule.id(), rule.sourceId()));
                } else if (s.fact() instanceof Step f) {
                    steps.add(new Stepped(f.phase(), f.text(), rule.id(), rule.sourceId()));
                } else if (s.fact() instanceof Frequency f) {
                    frequencies.add(f);
                } else if (s.fact() instanceof Ask f) {
                    questions.add(new Question(f.field(), f.why(), rule.id(), rule.sourceId()));
                }
            }
        }

        int score(Technique t) {
            return supports.getOrDefault(t, List.of()).stream().mapToInt(Weighed::weight).sum();
        }

        private static Reason reason(String text, RuleInfo rule) {
            return new Reason(text, rule.id(), rule.sourceId());
        }
    }
}
