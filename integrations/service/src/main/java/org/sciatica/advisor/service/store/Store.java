package org.sciatica.advisor.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail and the feedback: the embedded H2 file by default, PostgreSQL for several instances,
 * the same Flyway migrations ({@code db/migration}) for both. A method that cannot reach the database
 * throws {@link Unavailable}; nothing is answered as stored that was not committed.
 */
public final class Store implements AutoCloseable {
    private static final String UNIQUE_VIOLATION = "23505"; // SQLSTATE, the same in H2 and PostgreSQL

    private final HikariDataSource pool;
    private final java.util.concurrent.atomic.AtomicLong lastPrune = new java.util.concurrent.atomic.AtomicLong();

    private Store(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the store and brings its schema up to date.
     *
     * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL (user and password in it, if any)
     * @return the store
     * @throws Unavailable when the database cannot be reached or migrated
     */
    public static Store open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(1000); // a store that is down answers 503 within a second
        config.setValidationTimeout(500);
        config.setPoolName("sciatica-store");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot open the store " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new Unavailable("cannot migrate the store " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return new Store(pool);
    }

    /** A JDBC URL without what follows a password parameter, for messages and logs. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** One card of an answer, the rules behind it and the uuids of the suggestions it offers. */
    public record CardRecord(String uuid, String indicator, String summary, List<String> ruleIds, List<String> suggestions) {
        /** Copies the lists. */
        public CardRecord {
            ruleIds = List.copyOf(ruleIds);
            suggestions = List.copyOf(suggestions);
        }

        /** A card without suggestions. */
        public CardRecord(String uuid, String indicator, String summary, List<String> ruleIds) {
            this(uuid, indicator, summary, ruleIds, List.of());
        }
    }

    /** One answer as audited; {@code json} is the answer as sent, deflated. */
    public record Answer(String answerId, Instant answeredAt, String service, @Nullable String hookInstance,
                         String rulesVersion, @Nullable String assessmentHash, @Nullable String disposition,
                         @Nullable DeflatedJson json, List<CardRecord> cards) {
        /** Copies the cards. */
        public Answer {
            cards = List.copyOf(cards);
        }

        /** @return the answer's JSON, inflated, or null when it has none */
        public @Nullable String answerJson() {
            return json == null ? null : json.json();
        }
    }

    /** One feedback item of the CDS Hooks 2.0 feedback body, with the uuids of the suggestions accepted. */
    public record Feedback(String card, String outcome, @Nullable String reasonCode, @Nullable String reasonSystem,
                           @Nullable String reasonDisplay, @Nullable String userComment, Instant outcomeTimestamp,
                           List<String> acceptedSuggestions) {
        /** Copies the suggestions. */
        public Feedback {
            acceptedSuggestions = List.copyOf(acceptedSuggestions);
        }

        /** Feedback accepting no suggestion. */
        public Feedback(String card, String outcome, @Nullable String reasonCode, @Nullable String reasonSystem,
                        @Nullable String reasonDisplay, @Nullable String userComment, Instant outcomeTimestamp) {
            this(card, outcome, reasonCode, reasonSystem, reasonDisplay, userComment, outcomeTimestamp, List.of());
        }
    }

    /** Feedback accepts a suggestion its card did not offer (the caller answers 400, nothing stored). */
    public static final class UnknownSuggestion extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownSuggestion(String card, String suggestion) {
            super("the card " + card + " offered no suggestion " + suggestion);
        }
    }

    /**
     * Records that a client token was accepted, until it expires, unless it was recorded before (by this instance or
     * another sharing the store): then it is a replay. Expired records are pruned at most once a minute.
     *
     * @param key a digest of the token's issuer and jti (no token content)
     * @param expiresAt when the token expires, in epoch seconds (its exp plus the clock skew allowed)
     * @param now the time now, in epoch seconds
     * @return true the first time, false for a replay
     * @throws Unavailable when the store cannot be reached
     */
    public boolean firstUseOfToken(String key, long expiresAt, long now) {
        Objects.requireNonNull(key, "key");
        try (Connection c = pool.getConnection()) {
            long last = lastPrune.get();
            if (now - last >= 60 && lastPrune.compareAndSet(last, now)) {
                try (PreparedStatement prune = c.prepareStatement("DELETE FROM seen_jti WHERE expires_at < ?")) {
                    prune.setLong(1, now);
                    prune.executeUpdate();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO seen_jti (jti_key, expires_at) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setLong(2, expiresAt);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new Unavailable("cannot record the token: " + e.getMessage(), e);
        }
    }

    /**
     * The suggestions accepted on a card, as its (first) feedback named them.
     *
     * @param card the card uuid
     * @return the suggestion uuids, in no particular order
     */
    public java.util.Set<String> acceptedSuggestions(String card) {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT suggestion_uuid FROM feedback_suggestion WHERE card_uuid = ?")) {
            s.setString(1, card);
            java.util.Set<String> out = new java.util.HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new Unavailable("cannot read the feedback: " + e.getMessage(), e);
        }
    }

    /** @return how many accepted tokens are recorded (expired ones not yet pruned included) */
    public long recordedTokenCount() {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM seen_jti");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new Unavailable("cannot count the tokens: " + e.getMessage(), e);
        }
    }

    /** The store cannot be reached (the caller answers 503). */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Feedback names a card the service never gave (the caller answers 404, nothing stored). */
    public static final class UnknownCard extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String card;

        UnknownCard(String card) {
            super("no answer of this service gave the card " + card);
            this.card = card;
        }

        /** @return the card uuid */
        public String card() {
            return card;
        }
    }

    /**
     * Records an answer, its cards and the rules behind each card, in one transaction.
     *
     * @param answer the answer
     */
    public void recordAnswer(Answer answer) {
        recordAnswers(List.of(answer));
    }

    /**
     * Records answers, their cards and the rules behind each card, in one transaction.
     *
     * @param answers the answers
     */
    public void recordAnswers(List<Answer> answers) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO answer (answer_id, answered_at, service, hook_instance, "
                    + "rules_version, assessment_hash, disposition, answer_deflated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement card = c.prepareStatement(
                         "INSERT INTO card (answer_id, card_uuid, card_order, indicator, summary) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement rule = c.prepareStatement(
                         "INSERT INTO card_rule (answer_id, card_uuid, rule_id) VALUES (?, ?, ?)");
                 PreparedStatement suggestion = c.prepareStatement(
                         "INSERT INTO card_suggestion (answer_id, card_uuid, suggestion_uuid) VALUES (?, ?, ?)")) {
                boolean suggestions = false;
                boolean cards = false;
                for (Answer answer : answers) {
                    a.setString(1, answer.answerId());
                    a.setObject(2, OffsetDateTime.ofInstant(answer.answeredAt(), ZoneOffset.UTC));
                    a.setString(3, answer.service());
                    a.setString(4, answer.hookInstance());
                    a.setString(5, answer.rulesVersion());
                    a.setString(6, answer.assessmentHash());
                    a.setString(7, answer.disposition());
                    a.setBytes(8, answer.json() == null ? null : answer.json().deflated());
                    a.addBatch();
                    int order = 0;
                    for (CardRecord cr : answer.cards()) {
                        cards = true;
                        card.setString(1, answer.answerId());
                        card.setString(2, cr.uuid());
                        card.setInt(3, order++);
                        card.setString(4, cr.indicator());
                        card.setString(5, cr.summary());
                        card.addBatch();
                        for (String ruleId : new java.util.LinkedHashSet<>(cr.ruleIds())) {
                            rule.setString(1, answer.answerId());
                            rule.setString(2, cr.uuid());
                            rule.setString(3, ruleId);
                            rule.addBatch();
                        }
                        for (String s : cr.suggestions()) {
                            suggestions = true;
                            suggestion.setString(1, answer.answerId());
                            suggestion.setString(2, cr.uuid());
                            suggestion.setString(3, s);
                            suggestion.addBatch();
                        }
                    }
                }
                a.executeBatch();
                if (cards) {
                    card.executeBatch();
                    rule.executeBatch();
                }
                if (suggestions) {
                    suggestion.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Unavailable("cannot record the answer: " + e.getMessage(), e);
        }
    }

    /**
     * Stores feedback on cards, all or nothing: each card at most once (a repeat is acknowledged, not stored
     * again); committed before this method returns.
     *
     * @param service the service the feedback was sent to
     * @param items the feedback items
     * @return how many items were new
     * @throws UnknownCard when an item names a card no answer of this service gave (nothing is stored)
     * @throws UnknownSuggestion when an item accepts a suggestion its card did not offer (nothing is stored)
     */
    public int recordFeedback(String service, List<Feedback> items) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement known = c.prepareStatement(
                         "SELECT 1 FROM card k JOIN answer a ON a.answer_id = k.answer_id WHERE k.card_uuid = ? AND a.service = ?");
                 PreparedStatement offered = c.prepareStatement(
                         "SELECT 1 FROM card_suggestion WHERE card_uuid = ? AND suggestion_uuid = ?");
                 PreparedStatement accepted = c.prepareStatement(
                         "INSERT INTO feedback_suggestion (card_uuid, suggestion_uuid) VALUES (?, ?)");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO feedback (card_uuid, service, outcome, reason_code, "
                         + "reason_system, reason_display, user_comment, outcome_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Feedback f : items) {
                    known.setString(1, f.card());
                    known.setString(2, service);
                    try (ResultSet rs = known.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            throw new UnknownCard(f.card());
                        }
                    }
                    for (String s : f.acceptedSuggestions()) {
                        offered.setString(1, f.card());
                        offered.setString(2, s);
                        try (ResultSet rs = offered.executeQuery()) {
                            if (!rs.next()) {
                                c.rollback();
                                throw new UnknownSuggestion(f.card(), s);
                            }
                        }
                    }
                }
                int stored = 0;
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (Feedback f : items) {
                    insert.setString(1, f.card());
                    insert.setString(2, service);
                    insert.setString(3, f.outcome());
                    insert.setString(4, f.reasonCode());
                    insert.setString(5, f.reasonSystem());
                    insert.setString(6, f.reasonDisplay());
                    insert.setString(7, f.userComment());
                    insert.setObject(8, OffsetDateTime.ofInstant(f.outcomeTimestamp(), ZoneOffset.UTC));
                    insert.setObject(9, now);
                    Savepoint before = c.setSavepoint();
                    try {
                        insert.executeUpdate();
                        for (String s : new java.util.LinkedHashSet<>(f.acceptedSuggestions())) {
                            accepted.setString(1, f.card());
                            accepted.setString(2, s);
                            accepted.executeUpdate();
                        }
                        stored++;
                    } catch (SQLException e) {
                        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                            throw e;
                        }
                        c.rollback(before); // already stored: acknowledged once more, kept once
                    }
                }
                c.commit();
                return stored;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Unavailable("cannot record the feedback: " + e.getMessage(), e);
        }
    }

    /**
     * The answer's JSON, for its report page.
     *
     * @param answerId the answer id
     * @return the answer's JSON, if the answer exists and had one
     */
    public Optional<String> answerJson(String answerId) {
        return answerColumns(answerId, "answer_deflated, answer_json", rs -> {
            byte[] deflated = rs.getBytes(1);
            return deflated != null ? DeflatedJson.wrap(deflated).json() : rs.getString(2);
        });
    }

    /**
     * @param answerId the answer id
     * @return whether the store has that answer
     */
    public boolean hasAnswer(String answerId) {
        return answerColumns(answerId, "answer_id", rs -> rs.getString(1)).isPresent();
    }

    /**
     * The hash of the assessment an answer was given for (SHA-256 of its fields in a fixed order, the id left out), to
     * find the answers given for the same findings.
     *
     * @param answerId the answer id
     * @return the hash, if the answer exists and had an assessment (a card asking for the intake has none)
     */
    public Optional<String> assessmentHash(String answerId) {
        return answerColumns(answerId, "assessment_hash", rs -> rs.getString(1));
    }

    /** Reads a value from one answer's row, if the row exists and the value is not null. */
    private <T> Optional<T> answerColumns(String answerId, String columns, RowValue<T> value) {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + columns + " FROM answer WHERE answer_id = ?")) {
            s.setString(1, answerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(value.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new Unavailable("cannot read the answer: " + e.getMessage(), e);
        }
    }

    /** A value read from the current row of a result. */
    @FunctionalInterface
    private interface RowValue<T> {
        @Nullable T read(ResultSet rs) throws SQLException;
    }

    /** How clinicians answered the cards of one rule. */
    public record RuleFeedback(String ruleId, long accepted, long overridden, Map<String, Long> overridesByReason) {
    }

    /**
     * The override report: per rule, how many of its cards were accepted and overridden, and the overrides
     * by reason ({@code code (display)}, or {@code no reason given}); the most overridden rule first.
     *
     * @return one entry per rule that has feedback
     */
    public List<RuleFeedback> overrideReport() {
        String sql = "SELECT r.rule_id, f.outcome, f.reason_code, f.reason_display, COUNT(DISTINCT f.card_uuid) "
                + "FROM feedback f JOIN card_rule r ON r.card_uuid = f.card_uuid "
                + "GROUP BY r.rule_id, f.outcome, f.reason_code, f.reason_display ORDER BY r.rule_id";
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String rule = rs.getString(1);
                boolean overridden = "overridden".equals(rs.getString(2));
                long n = rs.getLong(5);
                counts.computeIfAbsent(rule, k -> new long[2])[overridden ? 1 : 0] += n;
                if (overridden) {
                    String code = rs.getString(3);
                    String display = rs.getString(4);
                    String reason = code == null ? "no reason given" : display == null ? code : code + " (" + display + ")";
                    reasons.computeIfAbsent(rule, k -> new LinkedHashMap<>()).merge(reason, n, Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new Unavailable("cannot read the feedback: " + e.getMessage(), e);
        }
        List<RuleFeedback> report = new ArrayList<>();
        counts.forEach((rule, n) -> report.add(new RuleFeedback(rule, n[0], n[1], Map.copyOf(reasons.getOrDefault(rule, Map.of())))));
        report.sort((a, b) -> a.overridden() != b.overridden() ? Long.compare(b.overridden(), a.overridden()) : a.ruleId().compareTo(b.ruleId()));
        return report;
    }

    /** @return the number of feedback rows (for tests and the readiness check) */
    public long feedbackCount() {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM feedback");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new Unavailable("cannot count the feedback: " + e.getMessage(), e);
        }
    }

    /** @return the cards that have feedback */
    public java.util.Set<String> cardsWithFeedback() {
        java.util.Set<String> cards = new java.util.HashSet<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT card_uuid FROM feedback");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                cards.add(rs.getString(1));
            }
            return cards;
        } catch (SQLException e) {
            throw new Unavailable("cannot read the feedback: " + e.getMessage(), e);
        }
    }

    /** @return the number of answers audited */
    public long answerCount() {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM answer");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new Unavailable("cannot count the answers: " + e.getMessage(), e);
        }
    }

    /** @return whether the database answers now */
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
