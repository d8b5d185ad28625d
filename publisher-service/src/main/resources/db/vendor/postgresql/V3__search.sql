-- Full-text search on PostgreSQL: each item is stemmed in its own language. The H2 build has a
-- substring fallback instead: db/vendor/h2/V3__search.sql.

-- ISO 639-1 code (a region suffix such as en-gb is ignored) -> text search configuration;
-- 'simple' (no stemming, no stop words) for und and every language PostgreSQL has no stemmer for,
-- and for configurations this server lacks (older PostgreSQL versions have fewer). The codes must match
-- io.cleanwire.publisher.persistence.SearchSql.STEMMED_LANGUAGES.
-- IMMUTABLE because a generated column needs it: the mapping only changes through a migration.
CREATE FUNCTION publisher_search_config(language VARCHAR) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT COALESCE((SELECT c.oid::regconfig FROM pg_catalog.pg_ts_config c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
    WHERE n.nspname = 'pg_catalog' AND c.cfgname = CASE split_part(lower(language), '-', 1)
    WHEN 'ar' THEN 'arabic'
    WHEN 'hy' THEN 'armenian'
    WHEN 'eu' THEN 'basque'
    WHEN 'ca' THEN 'catalan'
    WHEN 'da' THEN 'danish'
    WHEN 'nl' THEN 'dutch'
    WHEN 'en' THEN 'english'
    WHEN 'fi' THEN 'finnish'
    WHEN 'fr' THEN 'french'
    WHEN 'de' THEN 'german'
    WHEN 'el' THEN 'greek'
    WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian'
    WHEN 'id' THEN 'indonesian'
    WHEN 'ga' THEN 'irish'
    WHEN 'it' THEN 'italian'
    WHEN 'lt' THEN 'lithuanian'
    WHEN 'ne' THEN 'nepali'
    WHEN 'no' THEN 'norwegian'
    WHEN 'nb' THEN 'norwegian'
    WHEN 'nn' THEN 'norwegian'
    WHEN 'pt' THEN 'portuguese'
    WHEN 'ro' THEN 'romanian'
    WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian'
    WHEN 'es' THEN 'spanish'
    WHEN 'sv' THEN 'swedish'
    WHEN 'ta' THEN 'tamil'
    WHEN 'tr' THEN 'turkish'
    WHEN 'yi' THEN 'yiddish'
    ELSE 'simple' END), 'pg_catalog.simple'::regconfig)
$$;

-- Title weighs more than summary, summary more than content; content is cut at 200,000
-- characters so that a huge item can never exceed the 1 MB limit of a tsvector.
ALTER TABLE item ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(publisher_search_config(language), COALESCE(title, '')), 'A')
    || setweight(to_tsvector(publisher_search_config(language), COALESCE(summary, '')), 'B')
    || setweight(to_tsvector(publisher_search_config(language),
           left(regexp_replace(COALESCE(content_html, ''), '<[^>]*>', ' ', 'g'), 200000)), 'C')
) STORED;

CREATE INDEX item_search_idx ON item USING GIN (search_vector);
