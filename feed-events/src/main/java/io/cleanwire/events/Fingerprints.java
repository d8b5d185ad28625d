package io.cleanwire.events;

/**
 * Content signatures the normalizer computed for deduplication.
 *
 * @param exact hex hash of the cleaned title and text; equal hashes mean equal content
 * @param near near-duplicate signature (format chosen by the normalizer, prefixed with its
 *     algorithm, e.g. {@code simhash64:…}), may be null when the text is too short to sign
 */
public record Fingerprints(String exact, String near) {}
