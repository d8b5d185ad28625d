package io.cleanwire.fetcher.http;

import java.time.Duration;
import java.time.Instant;

/**
 * What one fetch of a feed URL returned.
 *
 * @param httpStatus final status after redirects (200 or 304)
 * @param finalUrl the URL the body came from
 * @param notModified true on 304: the body is empty and the validators are unchanged
 * @param etag the ETag header exactly as received, may be null
 * @param lastModified the Last-Modified header exactly as received, may be null
 * @param contentType the Content-Type header, may be null
 * @param body the decoded (gunzipped/inflated) body, empty on 304
 * @param fetchedAt when the response was received
 * @param permanentUrl where the feed moved for good (a chain of 301/308 from the start), else null
 * @param maxAge the response's Cache-Control max-age, null when absent
 * @param wireBytes bytes received on the wire (before decompression)
 */
public record FetchResult(
    int httpStatus,
    String finalUrl,
    boolean notModified,
    String etag,
    String lastModified,
    String contentType,
    byte[] body,
    Instant fetchedAt,
    String permanentUrl,
    Duration maxAge,
    long wireBytes) {}
