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
import org.sciatica.advisor.Recommendation.RankedTechnique;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Recommendation.Referral;
import org.sciatica.advisor.Recommendation.SessionPlan;
import org.sciatica.advisor.Recommendation.SessionsPerWeek;
import org.sciatica.advisor.Recommendation.Warning;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/**
 * Turns what the rules said into a {@link Recommendation}. The only place that ranks, de-duplicates
 * and orders; every order is total, so the same facts always give the same answer.
 *
 * <ul>
 *   <li>Disposition: {@code REFER} when any rule refers, raises a referral warning, or leaves no
 *       technique; otherwise the most cautious {@link WarningCode#disposition()} of the warnings.</li>
 *   <li>Techniques: those no rule excluded, demoted ones last, then by total support weight,
 *       then gentlest first ({@link #TIE_ORDER}).</li>
 *   <li>Pressure: the technique's usual pressure ({@link #USUAL_PRESSURE}), lowered to the lowest
 *       pressure limit any rule set.</li>
 * </ul>
 */
final class Assembler {
    /** Ties in support are broken gentlest, most widely tolerated technique first. */
    static final List<Technique> TIE_ORDER = List.of(
            Technique.SWEDISH, Technique.VIBRATION, Technique.HOT_STONE, Technique.TRIGGER_POINT, Technique.DEEP_TISSUE);

    /** The pressure each technique is given when no rule limits it. */
    static final Map<Technique, Pressure> USUAL_PRESSURE = new EnumMap<>(Map.of(
            Technique.DEEP_TISSUE, Pressure.FIRM,
            Technique.TRIGGER_POINT, Pressure.MODERATE,
            Technique.SWEDISH, Pressure.MODERATE,
            Technique.HOT_STONE, Pressure.MODERATE,
            Technique.VIBRATION, Pressure.LIGHT));

    private final RuleBase rules;
    private final Comparator<Reason> reasonOrder;

    Assembler(RuleBase rules) {
        this.rules = rules;
        this.reasonOrder = Comparator.comparing(Reason::ruleId, rules.ruleOrder()).thenComparing(Reason::text);
    }

    Recommendation assemble(Assessment assessment, Evaluation evaluation) {
        Facts facts = new Facts(evaluation.said());

        List<Warning> warnings = warnings(facts.alerts);
        List<Reason> referralReasons = new ArrayList<>(facts.referralReasons);
        Urgency urgency = facts.urgency;
        if (urgency == null) {
            // A rule raised a referral warning without saying how urgent: refer anyway (safety wins).
            for (Warning w : warnings) {
                if (w.code().disposition() == Disposition.REFER) {
                    urgency = Urgency.URGENT;
                    referralReasons.add(new Reason(w.message(), w.ruleId(), w.source()));
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
        if (urgency != null) {
            List<Reason> because = sortedUnique(referralReasons);
            List<ExcludedTechnique> excluded = new ArrayList<>();
            for (Technique t : Technique.values()) {
                List<Reason> reasons = new ArrayList<>(facts.exclusions.getOrDefault(t, List.of()));
                reasons.addAll(because);
                excluded.add(new ExcludedTechnique(t, sortedUnique(reasons)));
            }
            return new Recommendation(assessment.id(), Disposition.REFER, new Referral(urgency, because),
                    List.of(), excluded, warnings, List.of(), new SessionPlan(List.of(), null), fired, rules.version());
        }

        List<ExcludedTechnique> excluded = new ArrayList<>();
        for (Technique t : Technique.values()) {
            if (facts.exclusions.containsKey(t)) {
                excluded.add(new ExcludedTechnique(t, sortedUnique(facts.exclusions.get(t))));
            }
        }
        Disposition disposition = warnings.stream().map(w -> w.code().disposition())
                .max(Comparator.naturalOrder()).orElse(Disposition.PROCEED);
        return new Recommendation(assessment.id(), disposition,
                null, ranked, excluded, warnings, focusAreas(facts), sessionPlan(facts), fired, rules.version());
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
            Pressure usual = USUAL_PRESSURE.get(t);
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
                        lowering.add(new Reason("pressure kept " + l.max() + ": " + r.text(), r.ruleId(), r.source()));
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

    private List<FocusArea> focusAreas(Facts facts) {
        List<FocusArea> areas = new ArrayList<>();
        for (BodyArea area : BodyArea.values()) {
            List<Reason> reasons = facts.focus.get(area);
            if (reasons != null) {
                areas.add(new FocusArea(area, sortedUnique(reasons)));
            }
        }
        return areas;
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
        return new SessionPlan(steps.stream().map(s -> new PlanStep(s.text, s.ruleId)).toList(),
                frequency == null ? null : new SessionsPerWeek(frequency.min(), frequency.max()));
    }

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

    private record Stepped(Phase phase, String text, String ruleId) {
    }

    /** The rules' facts, sorted by kind, each with the reason its rule gives. */
    private static final class Facts {
        final Map<Technique, List<Weighed>> supports = new EnumMap<>(Technique.class);
        final Map<Technique, List<Reason>> exclusions = new EnumMap<>(Technique.class);
        final Map<Technique, List<Reason>> demotions = new EnumMap<>(Technique.class);
        final Map<PressureLimit, Reason> limits = new java.util.LinkedHashMap<>();
        final Map<BodyArea, List<Reason>> focus = new EnumMap<>(BodyArea.class);
        final List<Reason> referralReasons = new ArrayList<>();
        final List<Warning> alerts = new ArrayList<>();
        final List<Stepped> steps = new ArrayList<>();
        final List<Frequency> frequencies = new ArrayList<>();
        Urgency urgency;

        Facts(List<Evaluation.Said> said) {
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
                } else if (s.fact() instanceof Refer f) {
                    referralReasons.add(reason(f.reason(), rule));
                    if (urgency == null || f.urgency().compareTo(urgency) > 0) {
                        urgency = f.urgency();
                    }
                } else if (s.fact() instanceof Alert f) {
                    alerts.add(new Warning(f.code(), f.code().severity(), f.message(), rule.id(), rule.source()));
                } else if (s.fact() instanceof Step f) {
                    steps.add(new Stepped(f.phase(), f.text(), rule.id()));
                } else if (s.fact() instanceof Frequency f) {
                    frequencies.add(f);
                }
            }
        }

        int score(Technique t) {
            return supports.getOrDefault(t, List.of()).stream().mapToInt(Weighed::weight).sum();
        }

        private static Reason reason(String text, RuleInfo rule) {
            return new Reason(text, rule.id(), rule.source());
        }
    }
}
