package io.cleanwire.events;

/**
 * A media file attached to an entry (RSS {@code <enclosure>}, Atom {@code rel="enclosure"}).
 *
 * @param url absolute URL of the file
 * @param type media type as declared, may be null
 * @param length size in bytes as declared, may be null
 */
public record Enclosure(String url, String type, Long length) {}
