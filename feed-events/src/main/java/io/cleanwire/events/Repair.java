package io.cleanwire.events;

/**
 * One change the normalizer made to an entry's text, so that no repair is ever silent.
 *
 * @param field the field changed: {@code title}, {@code summary}, {@code contentHtml}, {@code
 *     authors}, {@code categories}, {@code link}, {@code language}
 * @param kind what was done, a stable kebab-case word such as {@code html-entities}, {@code
 *     unicode-nfc}, {@code whitespace}, {@code html-to-text}, {@code sanitized}, {@code
 *     tracking-parameters}; the normalizer's README section lists them all
 * @param detail a short human-readable explanation, may be null
 */
public record Repair(String field, String kind, String detail) {}
