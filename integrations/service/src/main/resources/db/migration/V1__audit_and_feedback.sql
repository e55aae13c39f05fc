-- The audit trail of every answer the service gave, the cards in it and the rules behind each card,
-- and the clinicians' feedback on the cards. Plain SQL that H2 (the embedded store) and PostgreSQL both run.
CREATE TABLE answer (
    answer_id       VARCHAR(36)  PRIMARY KEY,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    service         VARCHAR(100) NOT NULL,
    hook_instance   VARCHAR(200),
    rules_version   VARCHAR(200) NOT NULL,
    assessment_hash VARCHAR(64),
    disposition     VARCHAR(40),
    answer_json     TEXT
);

CREATE TABLE card (
    answer_id  VARCHAR(36)  NOT NULL REFERENCES answer (answer_id),
    card_uuid  VARCHAR(36)  NOT NULL,
    card_order INT          NOT NULL,
    indicator  VARCHAR(20)  NOT NULL,
    summary    VARCHAR(200) NOT NULL,
    PRIMARY KEY (answer_id, card_uuid)
);
CREATE INDEX card_by_uuid ON card (card_uuid);

CREATE TABLE card_rule (
    answer_id VARCHAR(36)  NOT NULL,
    card_uuid VARCHAR(36)  NOT NULL,
    rule_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (answer_id, card_uuid, rule_id),
    FOREIGN KEY (answer_id, card_uuid) REFERENCES card (answer_id, card_uuid)
);
CREATE INDEX card_rule_by_uuid ON card_rule (card_uuid);

-- One row per card: the first feedback on a card is kept, a repeat is acknowledged and not stored again.
CREATE TABLE feedback (
    card_uuid      VARCHAR(36)  PRIMARY KEY,
    service        VARCHAR(100) NOT NULL,
    outcome        VARCHAR(20)  NOT NULL,
    reason_code    VARCHAR(100),
    reason_system  VARCHAR(300),
    reason_display VARCHAR(300),
    user_comment   TEXT,
    outcome_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
