package io.cleanwire.fetcher.http;

/** Why a fetch failed, in few enough kinds to tag metrics with and to choose the reaction. */
public enum FetchFailure {
  /** Address, scheme or redirect refused by the SSRF policy. */
  REFUSED,
  /** DNS, connect, TLS or read failure, or a read timeout. */
  NETWORK,
  /** The total deadline of the fetch passed (slow drip). */
  DEADLINE,
  /** The body exceeded the cap after decompression. */
  TOO_LARGE,
  /** More redirects than allowed, or a redirect without a usable Location. */
  REDIRECTS,
  /** 429 or 503: the server asked to slow down. */
  RATE_LIMITED,
  /** 410: the feed is gone for good. */
  GONE,
  /** Another 4xx answer. */
  HTTP_4XX,
  /** Another 5xx answer. */
  HTTP_5XX,
  /** The body cannot be decoded (unknown or corrupt Content-Encoding). */
  ENCODING;

  /** The kind of an HTTP error status, or NETWORK when there is none. */
  public static FetchFailure of(Integer status) {
    if (status == null) {
      return NETWORK;
    }
    if (status == 410) {
      return GONE;
    }
    if (status == 429 || status == 503) {
      return RATE_LIMITED;
    }
    if (status >= 300 && status < 400) {
      return REDIRECTS;
    }
    return status >= 500 ? HTTP_5XX : HTTP_4XX;
  }
}
