package io.cleanwire.publisher.rest;

/** Descriptions shared by the OpenAPI document of several operations; one place to keep true. */
final class ApiText {

  static final String LANGUAGE =
      "ISO 639-1 language code (or und for undetermined); repeat the parameter or separate codes"
          + " with commas for several; any of them matches";
  static final String FEED = "Exact URL of the source feed the items came from";
  static final String STORY = "Story id: only members of this story";
  static final String Q =
      "Full-text search in title, summary and content (at most 256 characters). On PostgreSQL"
          + " words are stemmed in each item's own language and the web-search syntax applies"
          + " (\"a phrase\", or, -word); on the H2 build every word must occur as a"
          + " case-insensitive substring. Results stay ordered newest first";
  static final String SINCE = "ISO-8601 instant with offset; items with list time at or after it";
  static final String UNTIL =
      "ISO-8601 instant with offset; items with list time strictly before it";

  private ApiText() {}
}
