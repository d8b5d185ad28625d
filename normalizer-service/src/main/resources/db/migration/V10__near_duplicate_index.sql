-- Near-duplicate index of normalizer-service (issue 4). Valid on H2 and PostgreSQL.
-- An entry's signature is written before its band claims, so whoever loses a band to it can read it.

-- One row per entry with a near-duplicate signature: distinct shingle hashes (4 bytes each, sorted)
-- and LSH band keys (8 bytes each), for verification by later entries.
CREATE TABLE near_signature (
    entry_key  VARCHAR(64)              NOT NULL,
    shingles   BYTEA                    NOT NULL,
    bands      BYTEA                    NOT NULL,
    media_key  VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_near_signature PRIMARY KEY (entry_key)
);

CREATE INDEX ix_near_signature_created ON near_signature (created_at);

-- First entry (within the window) seen with an LSH band key; the primary key decides races.
CREATE TABLE near_band (
    band_key   BIGINT                   NOT NULL,
    entry_key  VARCHAR(64)              NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_near_band PRIMARY KEY (band_key)
);

CREATE INDEX ix_near_band_claimed ON near_band (claimed_at);
CREATE INDEX ix_url_claim_claimed ON url_claim (claimed_at);
CREATE INDEX ix_content_claim_claimed ON content_claim (claimed_at);
