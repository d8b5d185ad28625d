package io.cleanwire.normalizer.canonical;

import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.text.RepairKinds;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an entry link into the canonical URL used to find the same story in other feeds.
 *
 * <p>Lower-cases scheme and host, drops default ports, user info, the fragment (except {@code #!}
 * routes, which address content) and tracking parameters; resolves dot segments; keeps the path's
 * case and percent-encoding as given.
 *
 * <p>Remaining query parameters keep their order. Sorting them would merge a few more links, but
 * some servers read parameters by position or repeat a name ({@code ?id=1&id=2}), the canonical URL
 * is also shown to readers as a working link, and re-shares of one story copy the same URL anyway:
 * a false merge hides a story, a missed one only shows it twice.
 */
public final class UrlCanonicalizer {

  private static final String LINK = "link";

  private final List<String> exactNames = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();

  /**
   * @param trackingParameters parameter names to remove, compared case-insensitively; a trailing
   *     {@code *} makes a prefix ({@code utm_*})
   */
  public UrlCanonicalizer(List<String> trackingParameters) {
    for (String p : trackingParameters) {
      String name = p.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.endsWith("*")) {
        prefixes.add(name.substring(0, name.length() - 1));
      } else {
        exactNames.add(name);
      }
    }
  }

  /** Canonicalizes {@code link}; a missing link gives null without a repair. */
  public Canonical canonicalize(String link) {
    if (link == null || link.isBlank()) {
      return new Canonical(null, List.of());
    }
    URI uri;
    try {
      uri = new URI(escapeUnsafeAscii(link.strip()));
    } catch (URISyntaxException e) {
      return invalid("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      return invalid(
          scheme == null ? "not an absolute URL" : "scheme " + scheme + " is not http(s)");
    }
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null && uri.getRawAuthority() != null) {
      // java.net.URI leaves internationalized or underscore host names unparsed ("registry-based").
      String authority = uri.getRawAuthority();
      authority = authority.substring(authority.lastIndexOf('@') + 1);
      int colon = authority.lastIndexOf(':');
      if (colon > 0 && authority.substring(colon + 1).matches("[0-9]{1,5}")) {
        port = Integer.parseInt(authority.substring(colon + 1));
        authority = authority.substring(0, colon);
      }
      host = authority;
    }
    if (host == null || host.isEmpty()) {
      return invalid("no host");
    }
    List<String> normalized = new ArrayList<>();
    if (!scheme.equals(uri.getScheme()) || !host.equals(host.toLowerCase(Locale.ROOT))) {
      normalized.add("lower-cased scheme/host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
      normalized.add("default port");
      port = -1;
    }
    if (uri.getRawUserInfo() != null) {
      normalized.add("user info");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String resolved = removeDotSegments(path);
    if (!resolved.equals(path) && !uri.getRawPath().isEmpty()) {
      normalized.add("dot segments");
    }
    path = resolved;

    List<String> removedParams = new ArrayList<>();
    String query = filterQuery(uri.getRawQuery(), removedParams);

    String fragment = uri.getRawFragment();
    if (fragment != null && !fragment.startsWith("!")) {
      normalized.add("fragment");
      fragment = null;
    }

    StringBuilder out = new StringBuilder(link.length());
    out.append(scheme).append("://").append(host);
    if (port >= 0) {
      out.append(':').append(port);
    }
    out.append(path);
    if (query != null && !query.isEmpty()) {
      out.append('?').append(query);
    }
    if (fragment != null) {
      out.append('#').append(fragment);
    }
    List<Repair> repairs = new ArrayList<>();
    if (!removedParams.isEmpty()) {
      repairs.add(
          new Repair(
              LINK,
              RepairKinds.TRACKING_PARAMETERS,
              "removed " + String.join(", ", removedParams)));
    }
    if (!normalized.isEmpty()) {
      repairs.add(
          new Repair(
              LINK, RepairKinds.URL_NORMALIZED, "normalized " + String.join(", ", normalized)));
    }
    return new Canonical(out.toString(), repairs);
  }

  /** Whether {@code name} (raw, possibly percent-encoded) is a tracking parameter. */
  public boolean isTracking(String rawName) {
    String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    if (exactNames.contains(name)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private String filterQuery(String rawQuery, List<String> removed) {
    if (rawQuery == null) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (isTracking(name)) {
        removed.add(name);
      } else {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }

  private static Canonical invalid(String reason) {
    return new Canonical(null, List.of(new Repair(LINK, RepairKinds.INVALID_URL, reason)));
  }

  /** Percent-encodes the ASCII characters browsers accept in links but {@link URI} refuses. */
  private static String escapeUnsafeAscii(String link) {
    StringBuilder out = new StringBuilder(link.length());
    for (char c : link.toCharArray()) {
      switch (c) {
        case ' ' -> out.append("%20");
        case '"' -> out.append("%22");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case '\\' -> out.append("%5C");
        case '^' -> out.append("%5E");
        case '`' -> out.append("%60");
        case '{' -> out.append("%7B");
        case '|' -> out.append("%7C");
        case '}' -> out.append("%7D");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** RFC 3986 section 5.2.4, without touching anything else in the path. */
  static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    List<String> segments = new ArrayList<>();
    String[] parts = path.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String s = parts[i];
      boolean last = i == parts.length - 1;
      if (".".equals(s)) {
        if (last) {
          segments.add("");
        }
      } else if ("..".equals(s)) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
        if (last) {
          segments.add("");
        }
      } else {
        segments.add(s);
      }
    }
    return "/" + String.join("/", segments);
  }

  /**
   * A canonical URL, or null when the link is missing or unusable.
   *
   * @param url the canonical URL, or null
   * @param repairs what was removed or normalized, on field {@code link}
   */
  public record Canonical(String url, List<Repair> repairs) {}
}
