-- Full-text search on PostgreSQL: each item is stemmed in its own language. The H2 build has a
-- substring fallback instead: db/vendor/h2/V3__search.sql.

-- ISO 639-1 code (a region suffix such as en-gb is ignored) -> text search configuration;
-- 'simple' (no stemming, no stop words) for und and every language PostgreSQL has no stemmer for.
-- Needs PostgreSQL 14+ (armenian, basque, catalan, hindi, serbian, yiddish, greek). A plain CASE
-- over constants, so PostgreSQL inlines it: the per-row recheck of a search costs no lookup.
-- The codes must match
-- io.cleanwire.publisher.persistence.SearchSql.STEMMED_LANGUAGES.
-- IMMUTABLE because a generated column needs it: the mapping only changes through a migration.
CREATE FUNCTION publisher_search_config(language VARCHAR) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE split_part(lower(language), '-', 1)
    WHEN 'ar' THEN 'arabic'::regconfig
    WHEN 'hy' THEN 'armenian'::regconfig
    WHEN 'eu' THEN 'basque'::regconfig
    WHEN 'ca' THEN 'catalan'::regconfig
    WHEN 'da' THEN 'danish'::regconfig
    WHEN 'nl' THEN 'dutch'::regconfig
    WHEN 'en' THEN 'english'::regconfig
    WHEN 'fi' THEN 'finnish'::regconfig
    WHEN 'fr' THEN 'french'::regconfig
    WHEN 'de' THEN 'german'::regconfig
    WHEN 'el' THEN 'greek'::regconfig
    WHEN 'hi' THEN 'hindi'::regconfig
    WHEN 'hu' THEN 'hungarian'::regconfig
    WHEN 'id' THEN 'indonesian'::regconfig
    WHEN 'ga' THEN 'irish'::regconfig
    WHEN 'it' THEN 'italian'::regconfig
    WHEN 'lt' THEN 'lithuanian'::regconfig
    WHEN 'ne' THEN 'nepali'::regconfig
    WHEN 'no' THEN 'norwegian'::regconfig
    WHEN 'nb' THEN 'norwegian'::regconfig
    WHEN 'nn' THEN 'norwegian'::regconfig
    WHEN 'pt' THEN 'portuguese'::regconfig
    WHEN 'ro' THEN 'romanian'::regconfig
    WHEN 'ru' THEN 'russian'::regconfig
    WHEN 'sr' THEN 'serbian'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig
    WHEN 'sv' THEN 'swedish'::regconfig
    WHEN 'ta' THEN 'tamil'::regconfig
    WHEN 'tr' THEN 'turkish'::regconfig
    WHEN 'yi' THEN 'yiddish'::regconfig
    ELSE 'simple'::regconfig END
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
