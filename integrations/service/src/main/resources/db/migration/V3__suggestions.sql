-- The suggestions offered on each card (CDS Hooks 2.0: each with its uuid), and those a clinician accepted, as
-- named by feedback's acceptedSuggestions; an accepted suggestion must be one its card offered.
CREATE TABLE card_suggestion (
    answer_id       VARCHAR(36) NOT NULL,
    card_uuid       VARCHAR(36) NOT NULL,
    suggestion_uuid VARCHAR(36) NOT NULL,
    PRIMARY KEY (answer_id, card_uuid, suggestion_uuid),
    FOREIGN KEY (answer_id, card_uuid) REFERENCES card (answer_id, card_uuid)
);
CREATE INDEX card_suggestion_by_card ON card_suggestion (card_uuid);

CREATE TABLE feedback_suggestion (
    card_uuid       VARCHAR(36) NOT NULL REFERENCES feedback (card_uuid),
    suggestion_uuid VARCHAR(36) NOT NULL,
    PRIMARY KEY (card_uuid, suggestion_uuid)
);
