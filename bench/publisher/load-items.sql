-- Loads :n synthetic items into the publisher's PostgreSQL schema (already migrated by the
-- service at start-up). Shape: 200 feeds, 5 languages (en 50 %, de 20 %, fr 10 %, ru 10 %,
-- und 10 %), every fifth item a second source of the previous item's story, ~1.5 KB of HTML each,
-- one item per minute going back in time. search_vector is a generated column: PostgreSQL stems
-- every row on insert, as in production.
-- bench_insert(lo, hi, newest) inserts items lo..hi, item i at newest - (i - lo) minutes;
-- run.sh's ingest mode calls it once per new item while wrk measures.
\set ON_ERROR_STOP on
CREATE OR REPLACE FUNCTION bench_insert(lo int, hi int, newest timestamptz) RETURNS void
LANGUAGE sql AS $$
INSERT INTO item (entry_key, story_id, duplicate_of, matched_by, similarity, feed_url, feed_title,
                  guid, link, canonical_url, title, summary, content_html, language,
                  language_confidence, published_at, updated_at, fetched_at, normalized_at,
                  authors_json, categories_json, enclosures_json, repairs_json, event_id,
                  sort_time, first_stored_at, changed_at)
SELECT md5(i::text),
       CASE WHEN i % 5 = 0 THEN md5((i - 1)::text) ELSE md5(i::text) END,
       CASE WHEN i % 5 = 0 THEN md5((i - 1)::text) END,
       CASE WHEN i % 5 = 0 THEN 'near' END,
       CASE WHEN i % 5 = 0 THEN 0.92 END,
       'https://feed-' || (i % 200) || '.example/rss',
       'Feed ' || (i % 200),
       'https://news-' || (i % 200) || '.example/' || i,
       'https://news-' || (i % 200) || '.example/' || i,
       'https://news-' || (i % 200) || '.example/' || i,
       CASE lang
         WHEN 'de' THEN (ARRAY['Wahlen','Häuser','Regierung','Wetter','Fußball'])[1 + i % 5]
                        || ' in Stadt ' || (i % 97) || ': Bericht ' || i
         WHEN 'fr' THEN (ARRAY['Élections','Maisons','Gouvernement','Météo','Football'])[1 + i % 5]
                        || ' à la ville ' || (i % 97) || ' : rapport ' || i
         WHEN 'ru' THEN (ARRAY['Выборы','Дома','Правительство','Погода','Футбол'])[1 + i % 5]
                        || ' в городе ' || (i % 97) || ', отчёт ' || i
         ELSE (ARRAY['Election results','New houses','Government talks','Weather warning',
                     'Football final'])[1 + i % 5] || ' in city ' || (i % 97) || ': report ' || i
       END,
       'Summary of report ' || i || ' with a few plain words about the day.',
       '<p>' || repeat('Paragraph of ordinary news text about report ' || i || '. ', 25) || '</p>',
       lang, 0.9,
       newest - make_interval(mins => i - lo), NULL,
       newest - make_interval(mins => i - lo), newest - make_interval(mins => i - lo),
       '["Author ' || (i % 50) || '"]', '["World"]', '[]', '[]', md5(i::text || 'e'),
       newest - make_interval(mins => i - lo), newest - make_interval(mins => i - lo),
       newest - make_interval(mins => i - lo)
FROM (SELECT i, CASE WHEN i % 10 < 5 THEN 'en' WHEN i % 10 < 7 THEN 'de' WHEN i % 10 = 7 THEN 'fr'
                     WHEN i % 10 = 8 THEN 'ru' ELSE 'und' END AS lang
      FROM generate_series(lo, hi) AS i) AS s;
$$;
TRUNCATE item;
SELECT bench_insert(1, :n, now());
ANALYZE item;
SELECT count(*) AS items, count(DISTINCT story_id) AS stories FROM item;
