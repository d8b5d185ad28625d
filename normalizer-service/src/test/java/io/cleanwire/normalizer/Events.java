package io.cleanwire.normalizer;

import io.cleanwire.events.EntryFetchedEvent;
import io.cleanwire.events.EntryKeys;
import io.cleanwire.events.FeedInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds fetched events for tests, modelled on the aggregator fixture. */
public final class Events {

  private Events() {}

  public static FeedInfo feed(String url, String language) {
    return new FeedInfo(
        url,
        "Shared Links - Audio Posts",
        "https://aggregator.example/",
        language,
        "rss_2.0",
        "UTF-8",
        "UTF-8");
  }

  /** An entry of {@code feedUrl} with the given guid and link and a realistic messy body. */
  public static EntryFetchedEvent fetched(String feedUrl, String guid, String link) {
    return fetched(
        feedUrl,
        guid,
        link,
        "Jen Psaki dismisses Russian claims that US is behind Kazakhstan unrest",
        "<p>“We’re monitoring reports of protests in Kazakhstan.” "
            + guid
            + "</p><script>alert(1)</script>");
  }

  public static EntryFetchedEvent fetched(
      String feedUrl, String guid, String link, String title, String content) {
    return new EntryFetchedEvent(
        UUID.randomUUID().toString(),
        Instant.parse("2022-01-06T10:15:30Z"),
        EntryKeys.of(feedUrl, guid, link),
        feed(feedUrl, "en-US"),
        guid,
        link,
        title,
        "<p>shared this story from Callie Patteson | New York Post.</p>",
        content,
        List.of("Callie Patteson"),
        List.of("World", " Kazakhstan "),
        Instant.parse("2022-01-05T22:41:00Z"),
        null,
        List.of(),
        Instant.parse("2022-01-06T10:15:30Z"));
  }

  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
