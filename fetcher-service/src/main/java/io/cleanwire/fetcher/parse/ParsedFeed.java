package io.cleanwire.fetcher.parse;

import java.time.Duration;
import java.util.List;

/**
 * A feed document reduced to what Cleanwire publishes; no Rome type leaves this package.
 *
 * @param format {@code rss_2.0}, {@code rss_1.0}, {@code atom_1.0}… as detected
 * @param title the feed's own title, may be null
 * @param siteUrl the web site of the feed, may be null
 * @param language the declared language as written, may be null
 * @param declaredCharset charset named by the Content-Type header or else the XML prolog, may be
 *     null
 * @param detectedCharset charset actually used to decode the bytes
 * @param entries entries that have a guid or a link, in document order
 * @param skipped entries left out, each with the reason
 * @param repairs what had to be repaired to read the document (bytes before the first tag, illegal
 *     characters, HTML entities, bare ampersands, unclosed tags); empty when none
 * @param ttl the feed's own hint of how long it stays fresh (RSS {@code <ttl>}), may be null
 */
public record ParsedFeed(
    String format,
    String title,
    String siteUrl,
    String language,
    String declaredCharset,
    String detectedCharset,
    List<ParsedEntry> entries,
    List<SkippedEntry> skipped,
    List<String> repairs,
    Duration ttl) {

  public ParsedFeed {
    entries = List.copyOf(entries);
    skipped = List.copyOf(skipped);
    repairs = List.copyOf(repairs);
  }

  /** Whether the document was readable only after repairs. */
  public boolean recovered() {
    return !repairs.isEmpty();
  }
}
