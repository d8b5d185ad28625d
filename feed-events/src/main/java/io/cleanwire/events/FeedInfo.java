package io.cleanwire.events;

/**
 * The feed an entry came from, as the fetcher saw it on the poll that produced the entry.
 *
 * @param url the subscribed feed URL (after permanent redirects)
 * @param title the feed's own title, may be null
 * @param siteUrl the web site the feed belongs to, may be null
 * @param declaredLanguage the language the feed declares ({@code <language>}, {@code xml:lang}), as
 *     written, may be null
 * @param format the feed format: {@code rss}, {@code atom}, {@code rdf} or {@code json}, with the
 *     version when known (for example {@code rss_2.0}, {@code atom_1.0})
 * @param declaredCharset the charset named by the HTTP header or XML prolog, may be null
 * @param detectedCharset the charset actually used to decode the document
 */
public record FeedInfo(
    String url,
    String title,
    String siteUrl,
    String declaredLanguage,
    String format,
    String declaredCharset,
    String detectedCharset) {}
