-- The change feed reads items in (changed_at, entry_key) order after a cursor, and the ETag
-- version stamp reads max(changed_at); both are served by this index. Runs on H2 and PostgreSQL.
CREATE INDEX item_changed_idx ON item (changed_at, entry_key);
