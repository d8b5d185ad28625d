package io.cleanwire.normalizer.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryNormalizedEvent;
import io.cleanwire.events.FeedInfo;
import io.cleanwire.events.MatchedBy;
import io.cleanwire.normalizer.pipeline.EntryNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Items whose words are the same and whose pictures differ, with the pictures only in the content
 * HTML (no enclosure, no Media RSS): a photo gallery publishes one caption under many pictures.
 */
class GalleryItemsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

  /** Long enough for a near-duplicate signature, shorter than an exact content match needs. */
  private static final String CAPTION =
      "Fishing boats wait out the storm in the harbour of Ullapool while the ferry to Stornoway"
          + " stays in port for a second day.";

  /** Between the 200 characters an exact content match needs and the 280 of a caption. */
  private static final String LONG_CAPTION =
      "Volunteers fill sandbags outside the town hall in Tewkesbury on Thursday morning, as the"
          + " Environment Agency warns that the Severn and the Avon could both burst their banks"
          + " before the weekend and closes the road to Gloucester.";

  private static final String ARTICLE =
      "The city council voted on Tuesday night to close the old swimming baths on Mill Street at"
          + " the end of the summer, after engineers found that the roof over the main pool could"
          + " no longer be repaired at a reasonable cost. Swimmers will be sent to the leisure centre"
          + " across the river until a new pool opens, which the council hopes will happen in three"
          + " years. A petition to keep the baths open gathered more than four thousand names.";

  private final EntryNormalizer pipeline =
      DedupCorpus.pipeline(new InMemoryDedupStore(), new InMemoryNearIndex(), CLOCK);

  @Test
  void galleryPicturesUnderOneShortCaptionAreSeparateStories() {
    List<EntryNormalizedEvent> out =
        List.of(
            pipeline.normalize(item("a", 1, "Storm in pictures", CAPTION, "1.jpg")),
            pipeline.normalize(item("a", 2, "Storm in pictures", CAPTION, "2.jpg")),
            pipeline.normalize(item("a", 3, "Storm in pictures", CAPTION, "3.jpg")));
    assertThat(out).extracting(EntryNormalizedEvent::storyId).doesNotHaveDuplicates();
    assertThat(out).extracting(EntryNormalizedEvent::duplicateOf).containsOnlyNulls();
  }

  @Test
  void galleryPicturesUnderOneLongerCaptionAreSeparateStories() {
    assertThat(LONG_CAPTION.length()).isBetween(200, EntryNormalizer.CAPTION_MAX_CHARS);
    EntryNormalizedEvent first = pipeline.normalize(item("a", 1, "Floods", LONG_CAPTION, "1.jpg"));
    EntryNormalizedEvent second = pipeline.normalize(item("a", 2, "Floods", LONG_CAPTION, "2.jpg"));
    assertThat(second.storyId()).isEqualTo(second.entryKey()).isNotEqualTo(first.storyId());
    assertThat(second.fingerprints().exact()).isNotEqualTo(first.fingerprints().exact());
  }

  @Test
  void copiesOfOnePictureWithTheirOwnTrackingPixelsAreOneStory() {
    EntryNormalizedEvent original =
        pipeline.normalize(item("a", 1, "Storm in pictures", CAPTION + pixel("a", 1), "1.jpg"));
    EntryNormalizedEvent copy =
        pipeline.normalize(
            item(
                "b",
                7,
                "Storm in pictures",
                CAPTION + pixel("b", 7),
                "https://img.a.example/1.jpg"));
    assertThat(copy.storyId()).isEqualTo(original.entryKey());
    assertThat(copy.duplicateOf()).isEqualTo(original.entryKey());
    assertThat(copy.contentHtml()).doesNotContain("feedburner");
  }

  @Test
  void anArticleCopiedWithARehostedPictureIsStillOneStory() {
    EntryNormalizedEvent original =
        pipeline.normalize(item("a", 1, "Baths to close", ARTICLE, "p.jpg"));
    EntryNormalizedEvent copy =
        pipeline.normalize(
            item("b", 2, "Baths to close", ARTICLE, "https://cdn.mirror.example/x/p.jpg"));
    assertThat(copy.storyId()).isEqualTo(original.entryKey());
    assertThat(copy.matchedBy()).isEqualTo(MatchedBy.CONTENT);
  }

  private static String pixel(String site, int n) {
    return "<img src=\"http://feeds.feedburner.com/~r/"
        + site
        + "/~4/x"
        + n
        + "\" height=\"1\" width=\"1\" alt=\"\"/>";
  }

  /** An item of feed {@code site}, number {@code n}, its picture in the content HTML. */
  private static EntryFetchedEvent item(
      String site, int n, String title, String text, String picture) {
    String src =
        picture.startsWith("https://") ? picture : "https://img." + site + ".example/" + picture;
    String link = "https://" + site + ".example/gallery/" + n;
    return new EntryFetchedEvent(
        "ev-" + site + n,
        CLOCK.instant(),
        site + "-" + n,
        new FeedInfo(
            "https://" + site + ".example/feed", site, null, "en", "rss_2.0", null, "UTF-8"),
        link,
        link,
        title,
        null,
        "<figure><img src=\"" + src + "\" alt=\"\"><figcaption>" + text + "</figcaption></figure>",
        List.of(),
        List.of(),
        CLOCK.instant(),
        null,
        List.of(),
        CLOCK.instant());
  }
}
