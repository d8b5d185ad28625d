-- The folded headline of an entry whose headline starts with a series label ("Election live: …"),
-- null otherwise: two items of one series are not near-duplicates however alike their texts are.
-- Rows written before this column existed have none and are matched as before.
ALTER TABLE near_signature ADD COLUMN series_title VARCHAR(200);
