-- Learned per-feed boilerplate of normalizer-service. Valid on H2 and PostgreSQL: plain types.
-- Lines are stored as hashes (no text), per feed; the number of lines per feed is capped by the
-- application (cleanwire.normalizer.boilerplate.learn.max-lines-per-feed), so the tables stay small.

-- How many entries of each feed were observed (feed_hash: SHA-256 of the feed URL, 32 hex digits).
CREATE TABLE boilerplate_feed (
    feed_hash VARCHAR(32) NOT NULL,
    entries   BIGINT      NOT NULL,
    CONSTRAINT pk_boilerplate_feed PRIMARY KEY (feed_hash)
);

-- In how many entries of the feed a line appeared; last_entry_key skips an immediate redelivery.
CREATE TABLE boilerplate_line (
    feed_hash      VARCHAR(32)              NOT NULL,
    line_hash      VARCHAR(32)              NOT NULL,
    seen           BIGINT                   NOT NULL,
    last_entry_key VARCHAR(64)              NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_boilerplate_line PRIMARY KEY (feed_hash, line_hash)
);
