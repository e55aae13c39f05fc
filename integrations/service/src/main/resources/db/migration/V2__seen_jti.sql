-- The client tokens already accepted, until they expire: CDS Hooks 2.0 lets a token (its jti) be used once, and
-- several instances sharing this store must refuse a token any of them has accepted. The key is a SHA-256 of the
-- issuer and the jti (no token content is stored); expired rows are pruned by the service.
CREATE TABLE seen_jti (
    jti_key    VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX seen_jti_by_expiry ON seen_jti (expires_at);
