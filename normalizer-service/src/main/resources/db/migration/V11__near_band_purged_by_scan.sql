-- near_band takes 16 rows per entry. Its claimed_at index cost about a quarter of the database CPU
-- of a batch (bench/normalizer-dedup) and served only the hourly purge, which now scans the table
-- instead (a few seconds per million stories, once an hour).
DROP INDEX ix_near_band_claimed;
