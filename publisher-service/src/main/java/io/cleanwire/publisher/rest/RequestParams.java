package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.persistence.ItemFilter;
import io.cleanwire.publisher.query.InvalidQueryException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses and validates the query parameters shared by the item list and the output feeds; every
 * refusal names the parameter and the accepted form.
 */
final class RequestParams {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
  private static final int MAX_VALUE_LENGTH = 2048;
  private static final int MAX_QUERY_LENGTH = 256;
  private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]+");

  private RequestParams() {}

  static ItemFilter filter(
      List<String> languages, String feed, String story, String since, String until, String q) {
    List<String> codes = new ArrayList<>();
    for (String value : languages == null ? List.<String>of() : languages) {
      // Accept both ?language=de&language=fr and ?language=de,fr.
      for (String part : value.split(",")) {
        String code = part.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(code).matches()) {
          throw new InvalidQueryException(
              "language",
              "language must be an ISO 639-1 code such as en or de (or und), got: "
                  + shorten(part));
        }
        codes.add(code);
      }
    }
    Instant from = instant("since", since);
    Instant to = instant("until", until);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidQueryException("since", "since must be before until");
    }
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(
          "q", "q is longer than " + MAX_QUERY_LENGTH + " characters; search for fewer words");
    }
    return new ItemFilter(codes, text("feed", feed), text("story", story), from, to, q);
  }

  /**
   * The page size: the default when absent, clamped to {@code maxSize} when larger (a client asking
   * for more than we serve gets the most we serve, not an error); refused when not a whole number
   * of at least 1.
   */
  static int limit(String value, int defaultSize, int maxSize) {
    if (value == null || value.isBlank()) {
      return defaultSize;
    }
    String digits = value.strip();
    if (DIGITS.matcher(digits).matches()) {
      try {
        long limit = Long.parseLong(digits);
        if (limit >= 1) {
          return (int) Math.min(limit, maxSize);
        }
      } catch (NumberFormatException e) {
        // More digits than a long holds: certainly larger than the maximum.
        return maxSize;
      }
    }
    throw new InvalidQueryException(
        "limit",
        "limit must be a whole number of at least 1 (larger values are served as "
            + maxSize
            + "), got: "
            + shorten(value));
  }

  static boolean flag(String name, String value, boolean defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidQueryException(
              name, name + " must be true or false, got: " + shorten(value));
    };
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(
          name,
          name
              + " must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got: "
              + shorten(value));
    }
  }

  private static String text(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new InvalidQueryException(name, name + " is longer than " + MAX_VALUE_LENGTH);
    }
    return value.strip();
  }

  private static String shorten(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
