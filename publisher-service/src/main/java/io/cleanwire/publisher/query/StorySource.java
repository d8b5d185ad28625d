package io.cleanwire.publisher.query;

/**
 * Another place the same story appears: listed as {@code alsoIn} of a collapsed item.
 *
 * @param entryKey the other member's key
 * @param feedUrl the feed it came from
 * @param feedTitle that feed's title, may be null
 * @param link its permalink, may be null
 */
public record StorySource(String entryKey, String feedUrl, String feedTitle, String link) {}
