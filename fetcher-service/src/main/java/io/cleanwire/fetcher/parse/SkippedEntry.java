package io.cleanwire.fetcher.parse;

/**
 * An entry that cannot be published, kept so the skip is counted and explained, never silent.
 *
 * @param position 0-based position of the entry in the document
 * @param title its title, to recognise it, may be null
 * @param reason why it was skipped
 */
public record SkippedEntry(int position, String title, String reason) {}
