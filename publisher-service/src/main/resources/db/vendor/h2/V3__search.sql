-- Full-text search fallback for the H2 build (local runs and tests). H2 has no stemming, so the
-- searchable text is the lower-cased title, summary and tag-stripped content in one column, kept
-- up to date by H2 itself; queries require every query word as a substring of it (see
-- io.cleanwire.publisher.persistence.SearchSql). PostgreSQL gets a tsvector instead:
-- db/vendor/postgresql/V3__search.sql.
ALTER TABLE item ADD COLUMN search_text VARCHAR GENERATED ALWAYS AS (
    LOWER(LEFT(COALESCE(title, '') || ' ' || COALESCE(summary, '') || ' '
        || REGEXP_REPLACE(COALESCE(content_html, ''), '<[^>]*>', ' '), 200000)));
