package io.cleanwire.publisher.syndication;

/** The output feed formats, with the path segment and content type each is served with. */
public enum FeedFormat {
  RSS("rss", "application/rss+xml; charset=UTF-8"),
  ATOM("atom", "application/atom+xml; charset=UTF-8"),
  JSON("json", "application/feed+json; charset=UTF-8");

  private final String path;
  private final String mediaType;

  FeedFormat(String path, String mediaType) {
    this.path = path;
    this.mediaType = mediaType;
  }

  /** The last segment of the feed's URL ({@code /feeds/<path>}). */
  public String path() {
    return path;
  }

  /** The {@code Content-Type} of the feed, charset included. */
  public String mediaType() {
    return mediaType;
  }
}
