-- The per-row recheck of a search: does the item match the query read in the item's own language?
-- A PL/pgSQL function on purpose: the planner cannot see into it, so it estimates the usual third
-- of rows pass instead of the 0.5 % it assumes for an inline "@@" against a per-row tsquery. With
-- that 0.5 % it believed a frequent word matched only a few dozen rows and fetched them all through
-- the GIN index and sorted them (76 ms for "election" on 100,000 items) instead of walking the time
-- index until the page is full (2-4 ms). COST 100 makes the index-friendly "@@" run first.
CREATE FUNCTION publisher_search_matches(vector tsvector, language VARCHAR, query TEXT)
RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 100 AS $$
BEGIN
    RETURN vector @@ websearch_to_tsquery(publisher_search_config(language), query);
END
$$;
