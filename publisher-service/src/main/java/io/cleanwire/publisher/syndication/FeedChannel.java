package io.cleanwire.publisher.syndication;

/**
 * The channel-level facts of one output feed.
 *
 * @param title channel title
 * @param description channel description
 * @param link the site the channel belongs to
 * @param selfUrl the exact URL this feed is served at, query included ({@code atom:link self})
 */
public record FeedChannel(String title, String description, String link, String selfUrl) {}
