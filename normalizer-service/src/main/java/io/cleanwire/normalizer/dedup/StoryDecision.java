package io.cleanwire.normalizer.dedup;

import io.cleanwire.events.MatchedBy;

/**
 * Which story an entry belongs to, as stored and replayed for every redelivery of the entry.
 *
 * @param storyId the entryKey of the story's first entry
 * @param duplicateOf the story's first entryKey, or null when this entry starts the story
 * @param matchedBy why the entry joined the story, or null when it starts it
 * @param similarity 1.0 for exact matches, or null when it starts the story
 */
public record StoryDecision(
    String storyId, String duplicateOf, MatchedBy matchedBy, Double similarity) {

  /** The decision for an entry that starts its own story. */
  public static StoryDecision startsStory(String entryKey) {
    return new StoryDecision(entryKey, null, null, null);
  }

  /** The decision for an exact duplicate of the story {@code storyId}. */
  public static StoryDecision joins(String storyId, MatchedBy matchedBy) {
    return new StoryDecision(storyId, storyId, matchedBy, 1.0);
  }

  public boolean startsStory() {
    return duplicateOf == null;
  }
}
