package io.cleanwire.fetcher.poll;

import io.cleanwire.events.Enclosure;
import io.cleanwire.fetcher.parse.ParsedEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Hash of everything an entry publishes, so that a re-poll re-publishes only changed entries. */
final class ContentHash {

  private ContentHash() {}

  static String of(ParsedEntry entry) {
    StringBuilder text = new StringBuilder();
    append(text, entry.guid());
    append(text, entry.link());
    append(text, entry.title());
    append(text, entry.summaryHtml());
    append(text, entry.contentHtml());
    append(text, String.join("\u001f", entry.authors()));
    append(text, String.join("\u001f", entry.categories()));
    append(text, Objects.toString(entry.publishedAt(), null));
    append(text, Objects.toString(entry.updatedAt(), null));
    for (Enclosure enclosure : entry.enclosures()) {
      append(text, enclosure.url() + "\u001f" + enclosure.type() + "\u001f" + enclosure.length());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static void append(StringBuilder text, String value) {
    // A separator that cannot occur in XML text keeps ("ab","c") and ("a","bc") apart.
    text.append(value == null ? "\u0000null" : value).append('\u0000');
  }
}
