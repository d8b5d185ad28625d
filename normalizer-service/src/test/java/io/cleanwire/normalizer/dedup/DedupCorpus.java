package io.cleanwire.normalizer.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cleanwire.events.Enclosure;
import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.FeedInfo;
import io.cleanwire.normalizer.canonical.UrlCanonicalizer;
import io.cleanwire.normalizer.language.DeclaredLanguageDetector;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import io.cleanwire.normalizer.sanitize.HtmlSanitizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled dedup corpus ({@code corpus/dedup-corpus.jsonl}, built by {@code
 * src/test/corpus/build_corpus.py}) as fetched events, and the pairwise scoring of a clustering.
 */
public final class DedupCorpus {

  /** One labelled entry: its group (same group = same story) and kind. */
  public record Labelled(String group, String kind, EntryFetchedEvent event) {

    public boolean hardNegative() {
      return kind.startsWith("neg-");
    }
  }

  /** Pairwise scores of a clustering against the labels. */
  public record Score(
      long truePairs, long falsePairs, long missedPairs, long mergedHardNegatives, int stories) {

    public double precision() {
      return truePairs + falsePairs == 0 ? 1.0 : (double) truePairs / (truePairs + falsePairs);
    }

    public double recall() {
      return truePairs + missedPairs == 0 ? 1.0 : (double) truePairs / (truePairs + missedPairs);
    }

    public double f1() {
      return 2 * precision() * recall() / (precision() + recall());
    }
  }

  private DedupCorpus() {}

  public static List<Labelled> load() {
    return load("/corpus/dedup-corpus.jsonl");
  }

  /**
   * A corpus in the same format: {@code /corpus/news-dedup.jsonl} (news stories written for the
   * project, built by {@code src/test/corpus/build_news_dedup.py}) or the main one.
   */
  public static List<Labelled> load(String resource) {
    ObjectMapper json = new ObjectMapper();
    List<Labelled> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                DedupCorpus.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = json.readTree(line);
        String feed = n.get("feed").asText();
        List<Enclosure> enclosures = new ArrayList<>();
        n.get("enclosures")
            .forEach(e -> enclosures.add(new Enclosure(e.asText(), "image/jpeg", null)));
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        EntryFetchedEvent event =
            new EntryFetchedEvent(
                n.get("entryKey").asText(),
                at,
                n.get("entryKey").asText(),
                new FeedInfo(feed, "Feed", null, null, "rss_2.0", "UTF-8", "UTF-8"),
                n.get("entryKey").asText(),
                n.get("link").asText(),
                n.get("title").asText(),
                n.get("summary").isNull() ? null : n.get("summary").asText(),
                n.path("html").asBoolean(false)
                    ? n.get("content").asText()
                    : "<p>" + escape(n.get("content").asText()) + "</p>",
                List.of(),
                List.of(),
                at,
                null,
                enclosures,
                at);
        out.add(new Labelled(n.get("group").asText(), n.get("kind").asText(), event));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The entry as a feed that sends only a summary would: no content, and a summary of the first
   * {@code chars} characters of the text (cut at a word) followed by "…".
   */
  public static Labelled asSummary(Labelled l, int chars) {
    EntryFetchedEvent e = l.event();
    String text = org.jsoup.Jsoup.parseBodyFragment(e.contentHtml()).text();
    if (text.length() > chars) {
      int space = text.lastIndexOf(' ', chars);
      text = text.substring(0, space > 0 ? space : chars) + "…";
    }
    return changed(l, e.entryKey(), e.link(), e.title(), "<p>" + escape(text) + "</p>", null);
  }

  /** The same entry under another entryKey (so that runs over one database do not collide). */
  public static Labelled withKeyPrefix(Labelled l, String prefix) {
    EntryFetchedEvent e = l.event();
    return changed(l, prefix + e.entryKey(), e.link(), e.title(), e.summaryHtml(), e.contentHtml());
  }

  /** The entry with another key, link, title, summary and content; the rest and its label kept. */
  public static Labelled changed(
      Labelled l,
      String entryKey,
      String link,
      String title,
      String summaryHtml,
      String contentHtml) {
    EntryFetchedEvent e = l.event();
    return new Labelled(
        l.group(),
        l.kind(),
        new EntryFetchedEvent(
            e.eventId(),
            e.occurredAt(),
            entryKey,
            e.feed(),
            e.guid(),
            link,
            title,
            summaryHtml,
            contentHtml,
            e.authors(),
            e.categories(),
            e.publishedAt(),
            e.updatedAt(),
            e.enclosures(),
            e.fetchedAt()));
  }

  /** A normalizer pipeline over the given in-memory state. */
  public static EntryNormalizer pipeline(DedupStore store, NearIndex index, Clock clock) {
    NearDuplicates near = new NearDuplicates(index, NearDuplicates.Settings.defaults(), clock);
    return pipeline(new StoryMatcher(store, 200, near), near, clock);
  }

  /** A normalizer pipeline deciding stories with {@code decider}, as one replica would run it. */
  public static EntryNormalizer pipeline(StoryDecider decider, NearDuplicates near, Clock clock) {
    return new EntryNormalizer(
        new HtmlSanitizer(),
        new UrlCanonicalizer(List.of("utm_*", "fbclid")),
        new DeclaredLanguageDetector(),
        decider,
        near,
        clock);
  }

  /** Scores {@code storyOf} (entryKey → storyId) against the labels, over all pairs. */
  public static Score score(List<Labelled> corpus, Map<String, String> storyOf) {
    Map<String, Labelled> byKey = new HashMap<>();
    corpus.forEach(l -> byKey.put(l.event().entryKey(), l));
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long mergedNegatives = 0;
    for (int i = 0; i < corpus.size(); i++) {
      Labelled a = corpus.get(i);
      for (int j = i + 1; j < corpus.size(); j++) {
        Labelled b = corpus.get(j);
        boolean same = a.group().equals(b.group());
        boolean together =
            storyOf.get(a.event().entryKey()).equals(storyOf.get(b.event().entryKey()));
        if (same && together) {
          tp++;
        } else if (together) {
          fp++;
          if (a.hardNegative() || b.hardNegative()) {
            mergedNegatives++;
          }
        } else if (same) {
          fn++;
        }
      }
    }
    return new Score(
        tp, fp, fn, mergedNegatives, (int) storyOf.values().stream().distinct().count());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
