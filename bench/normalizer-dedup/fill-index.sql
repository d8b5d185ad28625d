-- Fills the benchmark index (1,000,000 stories, 14M band rows) on PostgreSQL, server-side.
-- Run from bench/normalizer-dedup/: psql -h 127.0.0.1 -U postgres -d test -f fill-index.sql
\timing on
DROP SCHEMA IF EXISTS normalizer_bench CASCADE;
CREATE SCHEMA normalizer_bench;
SET search_path = normalizer_bench;
\i ../../normalizer-service/src/main/resources/db/migration/V1__dedup_index.sql
\i ../../normalizer-service/src/main/resources/db/migration/V10__near_duplicate_index.sql
\i ../../normalizer-service/src/main/resources/db/migration/V11__near_band_purged_by_scan.sql
\i ../../normalizer-service/src/main/resources/db/migration/V12__near_signature_series_title.sql
\i ../../normalizer-service/src/main/resources/db/migration/V13__band_index_in_memory.sql
-- 1,000,000 stories spread over the 14-day window: a 200-byte shingle set (50 hashes) and 14 band
-- keys each
INSERT INTO near_signature (entry_key, shingles, bands, media_key, created_at)
SELECT 'story-' || i,
       decode(repeat(md5(i::text), 12) || substr(md5(i::text), 1, 16), 'hex'),
       decode(repeat(md5((-i)::text), 7), 'hex'),
       NULL, now() - interval '14 days' * (1000000 - i) / 1000000
FROM generate_series(1, 1000000) i;
INSERT INTO near_band (band_key, entry_key, claimed_at)
SELECT ('x' || substr(md5(i::text || '-' || b), 1, 16))::bit(64)::bigint, 'story-' || i,
       now() - interval '14 days' * (1000000 - i) / 1000000
FROM generate_series(1, 1000000) i, generate_series(1, 14) b
ON CONFLICT DO NOTHING;
-- and what the exact matching keeps of each story: its URL and content claims, and its decision
INSERT INTO url_claim (url_hash, canonical_url, entry_key, story_id, claimed_at)
SELECT md5('url-' || i) || md5('u-' || i), 'https://news' || (i % 500) || '.example/story/' || i,
       'story-' || i, 'story-' || i, now() - interval '14 days' * (1000000 - i) / 1000000
FROM generate_series(1, 1000000) i;
INSERT INTO content_claim (fingerprint, entry_key, story_id, claimed_at)
SELECT md5('content-' || i), 'story-' || i, 'story-' || i,
       now() - interval '14 days' * (1000000 - i) / 1000000
FROM generate_series(1, 1000000) i;
INSERT INTO entry_decision (entry_key, story_id, canonical_url, exact_fingerprint, decided_at)
SELECT 'story-' || i, 'story-' || i, 'https://news' || (i % 500) || '.example/story/' || i,
       md5('content-' || i), now() - interval '14 days' * (1000000 - i) / 1000000
FROM generate_series(1, 1000000) i;
ANALYZE url_claim;
ANALYZE content_claim;
ANALYZE entry_decision;
ANALYZE near_signature;
ANALYZE near_band;
SELECT count(*) FROM near_signature;
SELECT count(*) FROM near_band;
