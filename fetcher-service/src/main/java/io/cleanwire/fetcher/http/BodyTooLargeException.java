package io.cleanwire.fetcher.http;

import java.io.IOException;

/** A response body (after decoding) exceeded {@code cleanwire.fetcher.max-body-bytes}. */
class BodyTooLargeException extends IOException {

  BodyTooLargeException(long cap) {
    super("feed body larger than " + cap + " bytes (cleanwire.fetcher.max-body-bytes)");
  }
}
