-- Removes what benchmark runs added to the index (entries named bench-…), so that every run starts
-- from the 1,000,000 stories of fill-index.sql: runs draw their texts from one corpus, and the
-- stories of earlier runs would otherwise hold more and more of a new run's bands.
-- Run from bench/normalizer-dedup/: psql -h 127.0.0.1 -U postgres -d test -f reset-index.sql
\timing on
SET search_path = normalizer_bench;
DELETE FROM near_band WHERE entry_key LIKE 'bench-%';
DELETE FROM near_signature WHERE entry_key LIKE 'bench-%';
DELETE FROM url_claim WHERE entry_key LIKE 'bench-%';
DELETE FROM content_claim WHERE entry_key LIKE 'bench-%';
DELETE FROM entry_decision WHERE entry_key LIKE 'bench-%';
UPDATE dedup_clock SET seq = COALESCE((SELECT max(seq) FROM near_signature), 0) WHERE id = 1;
VACUUM ANALYZE near_band;
VACUUM ANALYZE near_signature;
VACUUM ANALYZE url_claim;
VACUUM ANALYZE content_claim;
VACUUM ANALYZE entry_decision;
CHECKPOINT;
