package org.sciatica.advisor.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A recommendation as a CDS Hooks 2.0 service response: {@code {"cards": [...]}}, for clinical
 * systems that already show CDS Hooks cards. Needs Jackson (an optional dependency).
 *
 * <ul>
 *   <li>The first card is the recommendation itself: what to do (refer, or the techniques in order),
 *       with the whole plan in its Markdown {@code detail}. Its indicator is {@code critical} for a
 *       referral, {@code warning} for proceed with caution, {@code info} for proceed.</li>
 *   <li>Then one card per warning, most severe first; severities map to indicators as docs/SPEC.md
 *       says: INFO to {@code info}, CAUTION and CONTRAINDICATION to {@code warning}, REFERRAL to
 *       {@code critical}. Its {@code source.label} is the source of the rule that raised it.</li>
 *   <li>Every {@code summary} is under 140 characters; every {@code uuid} is a name-based UUID of the
 *       assessment id, the rules version and the card's content, so the same input always gives the
 *       same cards.</li>
 * </ul>
 */
public final class CdsHooks {
    /** CDS Hooks 2.0: a card summary must be shorter than 140 characters. */
    public static final int MAX_SUMMARY = 139;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CdsHooks() {
    }

    /**
     * The CDS Hooks response for a recommendation, as indented JSON.
     *
     * @param r the recommendation
     * @return {@code {"cards": [...]}}
     */
    public static String response(Recommendation r) {
        try {
            return RecommendationJson.PRETTY.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode tree(Recommendation r) {
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode cards = response.putArray("cards");
        cards.add(mainCard(r));
        for (Recommendation.Warning w : r.warnings()) {
            ObjectNode card = card(r, "warning|" + w.code() + "|" + w.ruleId() + "|" + w.message(),
                    w.message(), indicator(w.severity()),
                    w.message() + "\n\n*Rule " + w.ruleId() + ", " + w.code() + " (" + w.severity() + ").*",
                    source(r, w.sourceId()));
            cards.add(card);
        }
        return response;
    }

    private static ObjectNode mainCard(Recommendation r) {
        StringBuilder detail = new StringBuilder();
        String summary;
        String indicator;
        Source source = null;
        Recommendation.Referral referral = r.referral();
        if (referral != null) { // exactly when the disposition is REFER
            summary = "Refer (" + referral.urgency() + "): do not massage. " + referral.reasons().get(0).text();
            indicator = "critical";
            detail.append("**Refer, ").append(referral.urgency()).append(": no massage.**\n\n");
            reasons(detail, referral.reasons());
            source = source(r, referral.reasons().get(0).sourceId());
        } else {
            summary = (r.disposition() == Disposition.PROCEED ? "Massage: " : "Massage with caution: ")
                    + r.techniques().stream().map(t -> t.technique() + " (" + t.pressure().name().toLowerCase(Locale.ROOT) + ")")
                            .collect(Collectors.joining(", then "));
            indicator = r.disposition() == Disposition.PROCEED ? "info" : "warning";
            detail.append("**Techniques, best first**\n\n");
            int n = 1;
            for (Recommendation.RankedTechnique t : r.techniques()) {
                detail.append(n++).append(". ").append(t.technique()).append(", ")
                        .append(t.pressure().name().toLowerCase(Locale.ROOT)).append(" pressure\n");
                for (Reason reason : t.reasons()) {
                    detail.append("   - ").append(reason.text()).append(" (").append(reason.ruleId()).append(")\n");
                }
            }
            if (!r.focusAreas().isEmpty()) {
                detail.append("\n**Focus areas:** ")
                        .append(r.focusAreas().stream().map(f -> f.area().name()).collect(Collectors.joining(", "))).append('\n');
            }
            if (!r.sessionPlan().steps().isEmpty()) {
                detail.append("\n**Session plan**\n\n");
                int s = 1;
                for (Recommendation.PlanStep step : r.sessionPlan().steps()) {
                    detail.append(s++).append(". ").append(step.text()).append(" (").append(step.ruleId()).append(")\n");
                }
            }
            if (r.sessionPlan().sessionsPerWeek() != null) {
                detail.append("\nSessions per week: ").append(r.sessionPlan().sessionsPerWeek().min()).append(" to ")
                        .append(r.sessionPlan().sessionsPerWeek().max()).append('\n');
            }
        }
        if (!r.excluded().isEmpty()) {
            detail.append("\n**Do not use:** ")
                    .append(r.excluded().stream().map(e -> e.technique().name()).collect(Collectors.joining(", "))).append('\n');
        }
        return card(r, "recommendation|" + r.disposition() + "|" + summary, summary, indicator, detail.toString(), source);
    }

    private static void reasons(StringBuilder detail, List<Reason> reasons) {
        for (Reason reason : reasons) {
            detail.append("- ").append(reason.text()).append(" (").append(reason.ruleId()).append(")\n");
        }
    }

    private static @Nullable Source source(Recommendation r, String id) {
        return r.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private static ObjectNode card(Recommendation r, String key, String summary, String indicator, String detail,
                                   @Nullable Source source) {
        ObjectNode card = MAPPER.createObjectNode();
        String name = (r.id() == null ? "" : r.id()) + "|" + r.rulesVersion() + "|" + key;
        card.put("uuid", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        card.put("summary", shorten(summary));
        card.put("indicator", indicator);
        card.put("detail", detail);
        ObjectNode cardSource = card.putObject("source");
        if (source == null) {
            cardSource.put("label", "Sciatica Advisor rules " + r.rulesVersion());
        } else {
            cardSource.put("label", source.title() + " (" + source.publisher() + ")");
            if (source.url() != null) {
                cardSource.put("url", source.url());
            }
        }
        return card;
    }

    /** The specification's mapping (docs/SPEC.md) of warning severities to CDS Hooks indicators. */
    static String indicator(Severity severity) {
        return switch (severity) {
            case INFO -> "info";
            case CAUTION, CONTRAINDICATION -> "warning";
            case REFERRAL -> "critical";
        };
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "\u2026";
    }
}
