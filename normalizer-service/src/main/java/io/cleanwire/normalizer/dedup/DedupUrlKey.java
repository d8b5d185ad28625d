package io.cleanwire.normalizer.dedup;

import java.util.Locale;

/**
 * The key under which a canonical URL is matched across feeds: the canonical URL without its scheme
 * ({@code http} and {@code https} serve the same page), without a leading {@code www.}, {@code m.}
 * or {@code mobile.} host label, and without a trailing slash on the path.
 *
 * <p>Used only for the dedup key; the canonical URL shown to readers keeps its scheme and host.
 */
public final class DedupUrlKey {

  private DedupUrlKey() {}

  /** The dedup key of a canonical URL ({@code http(s)://host/path?query}), or null for null. */
  public static String of(String canonicalUrl) {
    if (canonicalUrl == null) {
      return null;
    }
    String rest = canonicalUrl;
    int scheme = rest.indexOf("://");
    if (scheme > 0) {
      rest = rest.substring(scheme + 3);
    }
    int slash = indexOfAny(rest, "/?#");
    String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    String tail = slash < 0 ? "" : rest.substring(slash);
    for (String prefix : new String[] {"www.", "m.", "mobile.", "amp."}) {
      if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
        host = host.substring(prefix.length());
        break;
      }
    }
    int query = indexOfAny(tail, "?#");
    String path = query < 0 ? tail : tail.substring(0, query);
    String after = query < 0 ? "" : tail.substring(query);
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if ("/".equals(path)) {
      path = "";
    }
    return host + path + after;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
