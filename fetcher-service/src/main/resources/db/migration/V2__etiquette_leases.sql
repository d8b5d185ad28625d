-- Etiquette, health details and leases for several replicas (issue 5).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- The URL entry keys are computed from; set to the first URL when a 301 moves the feed, so that
-- its entries keep their identity and are not published again.
ALTER TABLE feed ADD COLUMN key_url VARCHAR(2048);

-- false after a 410 Gone or when an admin pauses the feed: the scheduler leaves it alone.
ALTER TABLE feed_poll_state ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
-- The interval the adaptive schedule chose last; null until the first successful poll.
ALTER TABLE feed_poll_state ADD COLUMN current_interval_seconds BIGINT;
-- What had to be repaired to read the last document; null when it was well-formed.
ALTER TABLE feed_poll_state ADD COLUMN last_repairs VARCHAR(2000);
-- Kind of the last failure (REFUSED, DEADLINE, RATE_LIMITED, PARSE…), null after a success.
ALTER TABLE feed_poll_state ADD COLUMN last_failure_kind VARCHAR(32);
-- Start of the current run of failures, null while the feed is healthy.
ALTER TABLE feed_poll_state ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
-- Which replica polls the feed right now, and until when that claim holds.
ALTER TABLE feed_poll_state ADD COLUMN lease_owner VARCHAR(128);
ALTER TABLE feed_poll_state ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_feed_poll_state_due ON feed_poll_state (active, next_poll_at);

-- A host that answered 429/503 with Retry-After: no replica fetches from it before blocked_until.
CREATE TABLE host_limit (
    host VARCHAR(255) NOT NULL PRIMARY KEY,
    blocked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    reason VARCHAR(500),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
