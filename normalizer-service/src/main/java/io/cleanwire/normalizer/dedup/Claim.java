package io.cleanwire.normalizer.dedup;

/**
 * Who holds a dedup key (a canonical URL or a content fingerprint): the first entry that claimed
 * it, and the story it belongs to.
 */
public record Claim(String entryKey, String storyId) {}
