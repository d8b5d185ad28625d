package io.cleanwire.normalizer.dedup;

import java.util.List;

/** Decides, records and looks up which story entries belong to. */
public interface StoryDecider {

  /**
   * Decides and records the story of each entry, in order, as if they arrived one after another;
   * every later call for the same entryKey returns the same decision.
   */
  List<StoryDecision> decideAll(List<StoryMatcher.Candidate> entries);

  /** The decision {@link #decideAll} would make now for one entry, without recording anything. */
  StoryDecision lookup(StoryMatcher.Candidate entry);
}
