-- Dedup index of normalizer-service. Valid on H2 and PostgreSQL: plain types, no sequences.
-- Races between replicas are decided by the primary keys (insert-or-read-the-winner).

-- One row per entry: its story decision, replayed on every redelivery or re-poll.
CREATE TABLE entry_decision (
    entry_key         VARCHAR(64)              NOT NULL,
    story_id          VARCHAR(64)              NOT NULL,
    duplicate_of      VARCHAR(64),
    matched_by        VARCHAR(16),
    similarity        DOUBLE PRECISION,
    canonical_url     VARCHAR(4096),
    exact_fingerprint VARCHAR(64),
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_entry_decision PRIMARY KEY (entry_key)
);

CREATE INDEX ix_entry_decision_story ON entry_decision (story_id);

-- First entry seen with a canonical URL (keyed by its SHA-256: URLs can exceed index limits).
CREATE TABLE url_claim (
    url_hash      VARCHAR(64)              NOT NULL,
    canonical_url VARCHAR(4096)            NOT NULL,
    entry_key     VARCHAR(64)              NOT NULL,
    story_id      VARCHAR(64)              NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_url_claim PRIMARY KEY (url_hash)
);

-- First entry seen with an exact content fingerprint.
CREATE TABLE content_claim (
    fingerprint VARCHAR(64)              NOT NULL,
    entry_key   VARCHAR(64)              NOT NULL,
    story_id    VARCHAR(64)              NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_content_claim PRIMARY KEY (fingerprint)
);
