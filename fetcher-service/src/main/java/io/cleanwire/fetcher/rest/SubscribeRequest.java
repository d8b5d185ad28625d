package io.cleanwire.fetcher.rest;

/**
 * Body of {@code POST /api/v1/feeds}.
 *
 * @param url the feed URL, http or https
 * @param title optional title; the feed's own title is used when absent
 */
public record SubscribeRequest(String url, String title) {}
