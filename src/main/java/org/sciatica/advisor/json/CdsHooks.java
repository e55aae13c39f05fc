package org.sciatica.advisor.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Severity;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * The one place that turns answers into CDS Hooks 2.0 cards ({@code {"cards": [...]}}), for the command
 * line's {@code --format cds-hooks} and for the point-of-care service. Needs Jackson (an optional
 * dependency).
 *
 * <ul>
 *   <li>A referral is exactly one card, indicator {@code critical}: where to send the client and how fast
 *       (from {@link Recommendation#referral()}), the reasons, and no hands-on advice.</li>
 *   <li>Otherwise the first card is the recommendation itself (the techniques in order, the whole plan in
 *       its Markdown {@code detail}; indicator {@code warning} for proceed with caution, {@code info} for
 *       proceed), then one card per warning, severities mapped to indicators as docs/SPEC.md says.</li>
 *   <li>Every card has a {@code uuid}, a {@code summary} under 140 characters, an {@code indicator}, a
 *       {@code source} with {@code label} and {@code url}, the {@link OverrideReason override reasons} with
 *       codes and displays, and, when {@link Options#reportUrl()} is given, a link to the full report. No
 *       field is null or empty.</li>
 *   <li>Card uuids are name-based (version 3) UUIDs of the hook instance (or, without one, the assessment
 *       id), the rules version and the card's content: the same call always gives the same cards, so the
 *       command line's output is byte-identical from run to run, and two hook instances never share a
 *       card uuid.</li>
 * </ul>
 */
public final class CdsHooks {
    /** CDS Hooks 2.0: a card summary must be shorter than 140 characters. */
    public static final int MAX_SUMMARY = 139;
    /** The code system of {@link OverrideReason}: the project's documentation of the codes. */
    public static final String OVERRIDE_REASON_SYSTEM =
            "https://github.com/sciatica-advisor/sciatica-advisor/blob/main/docs/SERVICE.md#override-reasons";
    /** Where a card without a rule source points: the rule catalog. */
    public static final String RULES_URL = "https://github.com/sciatica-advisor/sciatica-advisor/blob/main/docs/RULES.md";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Why a clinician may decline a card; offered on every card as {@code overrideReasons}. */
    public enum OverrideReason {
        /** The clinician's own assessment of this client differs. */
        CLINICAL_JUDGEMENT("clinical-judgement", "My assessment of this client differs"),
        /** The record the answer rests on is wrong or out of date. */
        RECORD_INCORRECT("record-incorrect", "The record is wrong or out of date"),
        /** The client is already under a clinician's care for this. */
        ALREADY_MANAGED("already-managed", "Already referred or under a clinician's care"),
        /** The client declined. */
        CLIENT_DECLINED("client-declined", "The client declined");

        private final String code;
        private final String display;

        OverrideReason(String code, String display) {
            this.code = code;
            this.display = display;
        }

        /** @return the code, unique within {@link #OVERRIDE_REASON_SYSTEM} */
        public String code() {
            return code;
        }

        /** @return the text a clinician sees */
        public String display() {
            return display;
        }
    }

    /**
     * What the caller knows beyond the answer.
     *
     * @param hookInstance the CDS Hooks {@code hookInstance} (names the card uuids), or null
     * @param reportUrl the address of the answer's full report (a link on every card), or null
     */
    public record Options(@Nullable String hookInstance, @Nullable String reportUrl) {
        /** No hook instance, no report: what the command line writes. */
        public static final Options NONE = new Options(null, null);
    }

    /**
     * One card and what is behind it.
     *
     * @param uuid the card's uuid
     * @param indicator {@code info}, {@code warning} or {@code critical}
     * @param summary the card's summary
     * @param ruleIds the rules whose claims the card shows, in order of first mention
     * @param json the card as CDS Hooks 2.0 JSON
     */
    public record Card(String uuid, String indicator, String summary, List<String> ruleIds, ObjectNode json) {
        /**
         * Copies the rule ids; checks none is null.
         *
         * @param uuid the card's uuid
         * @param indicator the indicator
         * @param summary the summary
         * @param ruleIds the rules behind the card
         * @param json the card's JSON
         */
        public Card {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(summary, "summary");
            ruleIds = List.copyOf(ruleIds);
            Objects.requireNonNull(json, "json");
        }
    }

    private CdsHooks() {
    }

    /**
     * The CDS Hooks response for a recommendation, as indented JSON (the command line's
     * {@code --format cds-hooks}).
     *
     * @param r the recommendation
     * @return {@code {"cards": [...]}}
     */
    public static String response(Recommendation r) {
        return response(cards(r, Options.NONE));
    }

    /**
     * A CDS Hooks response of the given cards, as indented JSON.
     *
     * @param cards the cards, possibly none
     * @return {@code {"cards": [...]}}
     */
    public static String response(List<Card> cards) {
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode array = response.putArray("cards");
        cards.forEach(c -> array.add(c.json()));
        try {
            return RecommendationJson.PRETTY.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The cards for a recommendation.
     *
     * @param r the recommendation
     * @param options the hook instance and report address, or {@link Options#NONE}
     * @return one critical card for a referral; otherwise the recommendation card and one card per warning
     */
    public static List<Card> cards(Recommendation r, Options options) {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(options, "options");
        String name = (options.hookInstance() != null ? options.hookInstance() : r.id() == null ? "" : r.id())
                + "|" + r.rulesVersion();
        Recommendation.Referral referral = r.referral();
        if (referral != null) { // exactly when the disposition is REFER
            return List.of(referralCard(r, referral, name, options));
        }
        List<Card> cards = new ArrayList<>();
        cards.add(recommendationCard(r, name, options));
        for (Recommendation.Warning w : r.warnings()) {
            cards.add(card(name + "|warning|" + w.code() + "|" + w.ruleId() + "|" + w.message(), w.message(),
                    indicator(w.severity()),
                    w.message() + "\n\n*Rule " + w.ruleId() + ", " + w.code() + " (" + w.severity() + ").*",
                    source(r, w.sourceId()), r.rulesVersion(), List.of(w.ruleId()), options.reportUrl(), null));
        }
        return cards;
    }

    /**
     * The one card given when the record alone does not answer: an {@code info} card naming what is
     * missing, with a link to the intake form.
     *
     * @param missing the assessment fields that are missing, in the order to name them
     * @param intakeUrl the address of the intake form
     * @param hookInstance the CDS Hooks {@code hookInstance} (names the card uuid)
     * @param rulesVersion the rules version of the service
     * @return the card
     */
    public static Card missingInformation(List<String> missing, String intakeUrl, String hookInstance, String rulesVersion) {
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("missing must name at least one field");
        }
        Objects.requireNonNull(intakeUrl, "intakeUrl");
        Objects.requireNonNull(hookInstance, "hookInstance");
        String fields = String.join(", ", missing);
        String summary = "Massage advice needs an intake: " + fields + " not recorded";
        String detail = "The record names no red flag, but the advice needs what only a therapist assesses: **"
                + fields + "**. Complete the intake form and the advice follows.";
        return card(hookInstance + "|" + rulesVersion + "|missing|" + fields, summary, "info", detail, null, rulesVersion,
                List.of(), null, link("Open the intake form", intakeUrl));
    }

    private static Card referralCard(Recommendation r, Recommendation.Referral referral, String name, Options options) {
        String first = referral.reasons().get(0).text();
        String summary;
        StringBuilder detail = new StringBuilder();
        if (referral.urgency() == Urgency.EMERGENCY) {
            summary = "Emergency referral now, no massage: " + first;
            detail.append("**Refer now: emergency.** The client goes to an emergency department or calls the emergency "
                    + "number now (with a history of cancer: the cancer team's acute oncology line now). Do not massage.\n\n");
        } else {
            summary = "Same-day referral, no massage: " + first;
            detail.append("**Refer today: urgent.** A doctor sees the client today. Do not massage.\n\n");
        }
        Set<String> rules = new LinkedHashSet<>();
        for (Reason reason : referral.reasons()) {
            detail.append("- ").append(reason.text()).append(" (").append(reason.ruleId()).append(")\n");
            rules.add(reason.ruleId());
        }
        for (Recommendation.Warning w : r.warnings()) {
            if (rules.add(w.ruleId())) {
                detail.append("- ").append(w.message()).append(" (").append(w.ruleId()).append(")\n");
            }
        }
        return card(name + "|referral|" + referral.urgency() + "|" + detail, summary, "critical", detail.toString(),
                source(r, referral.reasons().get(0).sourceId()), r.rulesVersion(), List.copyOf(rules),
                options.reportUrl(), null);
    }

    private static Card recommendationCard(Recommendation r, String name, Options options) {
        StringBuilder detail = new StringBuilder();
        Set<String> rules = new LinkedHashSet<>();
        String summary = (r.disposition() == Disposition.PROCEED ? "Massage: " : "Massage with caution: ")
                + r.techniques().stream().map(t -> t.technique() + " (" + t.pressure().name().toLowerCase(Locale.ROOT) + ")")
                        .collect(Collectors.joining(", then "));
        String indicator = r.disposition() == Disposition.PROCEED ? "info" : "warning";
        detail.append("**Techniques, best first**\n\n");
        int n = 1;
        for (Recommendation.RankedTechnique t : r.techniques()) {
            detail.append(n++).append(". ").append(t.technique()).append(", ")
                    .append(t.pressure().name().toLowerCase(Locale.ROOT)).append(" pressure\n");
            for (Reason reason : t.reasons()) {
                detail.append("   - ").append(reason.text()).append(" (").append(reason.ruleId()).append(")\n");
                rules.add(reason.ruleId());
            }
        }
        if (!r.questions().isEmpty()) {
            detail.append("\n**Ask the client**\n\n");
            for (Recommendation.Question q : r.questions()) {
                detail.append("- ").append(q.field()).append(": ").append(q.text()).append(" (").append(q.ruleId()).append(")\n");
                rules.add(q.ruleId());
            }
        }
        if (!r.focusAreas().isEmpty()) {
            detail.append("\n**Focus areas:** ")
                    .append(r.focusAreas().stream().map(f -> f.area().name()).collect(Collectors.joining(", "))).append('\n');
            r.focusAreas().forEach(f -> f.reasons().forEach(reason -> rules.add(reason.ruleId())));
        }
        if (!r.sessionPlan().steps().isEmpty()) {
            detail.append("\n**Session plan**\n\n");
            int s = 1;
            for (Recommendation.PlanStep step : r.sessionPlan().steps()) {
                detail.append(s++).append(". ").append(step.text()).append(" (").append(step.ruleId()).append(")\n");
                rules.add(step.ruleId());
            }
        }
        if (r.sessionPlan().sessionsPerWeek() != null) {
            detail.append("\nSessions per week: ").append(r.sessionPlan().sessionsPerWeek().min()).append(" to ")
                    .append(r.sessionPlan().sessionsPerWeek().max()).append('\n');
        }
        if (!r.excluded().isEmpty()) {
            detail.append("\n**Do not use:** ")
                    .append(r.excluded().stream().map(e -> e.technique().name()).collect(Collectors.joining(", "))).append('\n');
            r.excluded().forEach(e -> e.reasons().forEach(reason -> rules.add(reason.ruleId())));
        }
        Source source = r.techniques().isEmpty() ? null : source(r, r.techniques().get(0).reasons().get(0).sourceId());
        return card(name + "|recommendation|" + r.disposition() + "|" + summary, summary, indicator, detail.toString(),
                source, r.rulesVersion(), List.copyOf(rules), options.reportUrl(), null);
    }

    private static @Nullable Source source(Recommendation r, String id) {
        return r.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    private static ObjectNode link(String label, String url) {
        ObjectNode link = MAPPER.createObjectNode();
        link.put("label", label);
        link.put("url", url);
        link.put("type", "absolute");
        return link;
    }

    private static Card card(String key, String summary, String indicator, String detail, @Nullable Source source,
                             String rulesVersion, List<String> ruleIds, @Nullable String reportUrl,
                             @Nullable ObjectNode extraLink) {
        ObjectNode card = MAPPER.createObjectNode();
        String uuid = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        String shortSummary = shorten(summary);
        card.put("uuid", uuid);
        card.put("summary", shortSummary);
        card.put("indicator", indicator);
        if (!detail.isBlank()) {
            card.put("detail", detail);
        }
        ObjectNode cardSource = card.putObject("source");
        if (source == null) {
            cardSource.put("label", "Sciatica Advisor rules " + rulesVersion);
            cardSource.put("url", RULES_URL);
        } else {
            cardSource.put("label", source.title() + " (" + source.publisher() + ")");
            cardSource.put("url", source.url() != null ? source.url() : RULES_URL);
        }
        ArrayNode reasons = card.putArray("overrideReasons");
        for (OverrideReason reason : OverrideReason.values()) {
            ObjectNode coding = reasons.addObject();
            coding.put("code", reason.code());
            coding.put("system", OVERRIDE_REASON_SYSTEM);
            coding.put("display", reason.display());
        }
        if (reportUrl != null || extraLink != null) {
            ArrayNode links = card.putArray("links");
            if (extraLink != null) {
                links.add(extraLink);
            }
            if (reportUrl != null) {
                links.add(link("Full report", reportUrl));
            }
        }
        return new Card(uuid, indicator, shortSummary, ruleIds, card);
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
