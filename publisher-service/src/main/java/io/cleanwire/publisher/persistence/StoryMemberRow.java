package io.cleanwire.publisher.persistence;

/**
 * The few columns of a story member that an {@code alsoIn} entry shows; read without the item's
 * text, which would otherwise cross the wire a second time for every listed item.
 */
public record StoryMemberRow(
    String storyId, String entryKey, String feedUrl, String feedTitle, String link) {}
