package io.cleanwire.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an entry was found to belong to an existing story. */
public enum MatchedBy {
  /** Same feed and same guid: the same entry polled or delivered again. */
  @JsonProperty("guid")
  GUID,
  /** Same canonical URL, from any feed. */
  @JsonProperty("url")
  URL,
  /** Same cleaned content (exact fingerprint). */
  @JsonProperty("content")
  CONTENT,
  /** Similar enough content (near-duplicate signature, verified). */
  @JsonProperty("near")
  NEAR
}
