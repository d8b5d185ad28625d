package io.cleanwire.fetcher.opml;

/**
 * One subscription line of an OPML file.
 *
 * @param xmlUrl the feed URL as written (not validated here)
 * @param title the outline's title, or its text when there is no title; may be null
 * @param htmlUrl the site URL, may be null
 */
public record OpmlOutline(String xmlUrl, String title, String htmlUrl) {}
