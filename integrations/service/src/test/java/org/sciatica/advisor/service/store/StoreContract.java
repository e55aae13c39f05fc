package org.sciatica.advisor.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The store's behaviour, run by {@link EmbeddedStoreTest} on the embedded H2 file and by
 * {@link PostgresStoreTest} on a real PostgreSQL server: the same migrations, the same assertions.
 */
abstract class StoreContract {
    abstract Store store();

    private static Store.Answer answer(String service, String... cardsAndRules) {
        List<Store.CardRecord> cards = new java.util.ArrayList<>();
        for (String c : cardsAndRules) {
            String[] parts = c.split(":");
            cards.add(new Store.CardRecord(parts[0], "warning", "summary of " + parts[0], List.of(parts[1].split(","))));
        }
        return new Store.Answer(UUID.randomUUID().toString(), Instant.now(), service, "hook-" + UUID.randomUUID(), "rules-1",
                "abc123", "PROCEED_WITH_CAUTION", DeflatedJson.of("{\"disposition\": \"PROCEED_WITH_CAUTION\"}"), cards);
    }

    private static Store.Feedback overridden(String card, String code) {
        return new Store.Feedback(card, "overridden", code, "https://example.org/reasons", code + " display", "a comment", Instant.now());
    }

    private static Store.Feedback accepted(String card) {
        return new Store.Feedback(card, "accepted", null, null, null, null, Instant.now());
    }

    @Test
    void anAnswerIsAuditedWithItsJson() {
        Store.Answer a = answer("svc", u() + ":NS-01");
        store().recordAnswer(a);
        assertThat(store().answerJson(a.answerId())).hasValue("{\"disposition\": \"PROCEED_WITH_CAUTION\"}");
        assertThat(store().answerJson("no-such-answer")).isEmpty();
    }

    @Test
    void feedbackSentTwiceIsStoredOnce() {
        String card = u();
        store().recordAnswer(answer("svc", card + ":NS-01"));
        long before = store().feedbackCount();
        assertThat(store().recordFeedback("svc", List.of(overridden(card, "clinical-judgement")))).isEqualTo(1);
        assertThat(store().recordFeedback("svc", List.of(overridden(card, "clinical-judgement")))).isZero();
        assertThat(store().feedbackCount()).isEqualTo(before + 1);
    }

    @Test
    void feedbackOnAnUnknownCardStoresNothingOfTheBatch() {
        String card = u();
        store().recordAnswer(answer("svc", card + ":NS-01"));
        long before = store().feedbackCount();
        assertThatThrownBy(() -> store().recordFeedback("svc", List.of(accepted(card), accepted("unknown-card"))))
                .isInstanceOf(Store.UnknownCard.class).hasMessageContaining("unknown-card");
        assertThatThrownBy(() -> store().recordFeedback("other-service", List.of(accepted(card)))).isInstanceOf(Store.UnknownCard.class);
        assertThat(store().feedbackCount()).isEqualTo(before);
    }

    @Test
    void theOverrideReportCountsPerRuleAndReason() {
        String rule = "RULE-" + UUID.randomUUID().toString().substring(0, 8);
        String a = u();
        String b = u();
        String c = u();
        store().recordAnswer(answer("svc", a + ":" + rule + ",SP-01", b + ":" + rule));
        store().recordAnswer(answer("svc", c + ":" + rule));
        store().recordFeedback("svc", List.of(overridden(a, "clinical-judgement"), overridden(b, "client-declined"), accepted(c)));
        Store.RuleFeedback f = store().overrideReport().stream().filter(r -> r.ruleId().equals(rule)).findFirst().orElseThrow();
        assertThat(f.accepted()).isEqualTo(1);
        assertThat(f.overridden()).isEqualTo(2);
        assertThat(f.overridesByReason()).containsEntry("clinical-judgement (clinical-judgement display)", 1L)
                .containsEntry("client-declined (client-declined display)", 1L);
    }

    @Test
    void aTokenIsAcceptedOnceAndItsRecordIsPrunedWhenItHasExpired() {
        String key = u();
        long now = Instant.now().getEpochSecond();
        assertThat(store().firstUseOfToken(key, now + 300, now)).isTrue();
        assertThat(store().firstUseOfToken(key, now + 300, now)).as("a replay").isFalse();
        String old = u();
        assertThat(store().firstUseOfToken(old, now + 10, now)).isTrue();
        long before = store().recordedTokenCount();
        // A minute and more later: the first record is still valid, the second has expired and goes with the next prune.
        assertThat(store().firstUseOfToken(u(), now + 400, now + 120)).isTrue();
        assertThat(store().recordedTokenCount()).isEqualTo(before);
        assertThat(store().firstUseOfToken(key, now + 300, now + 120)).as("still a replay").isFalse();
    }

    @Test
    void acceptedSuggestionsAreStoredWithTheirFeedbackAndMustBeTheCardsOwn() {
        String card = u();
        String offered = u();
        Store.Answer a = new Store.Answer(u(), Instant.now(), "svc", "hook-" + u(), "rules-1", null, "REFER", null,
                List.of(new Store.CardRecord(card, "critical", "refer", List.of("RF-01"), List.of(offered))));
        store().recordAnswer(a);
        long before = store().feedbackCount();
        assertThatThrownBy(() -> store().recordFeedback("svc", List.of(new Store.Feedback(card, "accepted", null, null, null, null,
                Instant.now(), List.of(u()))))).isInstanceOf(Store.UnknownSuggestion.class).hasMessageContaining(card);
        assertThat(store().feedbackCount()).isEqualTo(before);
        assertThat(store().recordFeedback("svc", List.of(new Store.Feedback(card, "accepted", null, null, null, null, Instant.now(),
                List.of(offered))))).isEqualTo(1);
        assertThat(store().acceptedSuggestions(card)).containsExactly(offered);
    }

    @Test
    void theStoreIsReachable() {
        assertThat(store().reachable()).isTrue();
    }

    private static String u() {
        return UUID.randomUUID().toString();
    }
}
