package io.cleanwire.fetcher.http;

import io.cleanwire.fetcher.config.FetcherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The fetcher's only HTTP client: conditional GET of one feed URL with redirect, size, time and
 * address limits.
 *
 * <p>Redirects are followed by hand so that every hop is checked (scheme, no https→http downgrade,
 * resolved addresses). The JDK client resolves the host again when it connects, so a DNS answer
 * that changes between the check and the connection is not caught here; a resolver-hooked client
 * replaces this class in a later issue.
 */
@ApplicationScoped
public class FeedHttpClient {

  private final FetcherConfig config;
  private final HttpClient client;

  public FeedHttpClient(FetcherConfig config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.connectTimeout())
            .build();
  }

  /**
   * Fetches a feed, sending the saved validators back verbatim.
   *
   * @param url the feed URL
   * @param etag the ETag saved from the last successful poll, or null
   * @param lastModified the Last-Modified saved from the last successful poll, or null
   * @throws FetchException with the reason when the fetch is refused or fails
   */
  public FetchResult fetch(String url, String etag, String lastModified) throws FetchException {
    long deadline = System.nanoTime() + config.fetchTimeout().toNanos();
    URI current = parse(url);
    for (int hop = 0; ; hop++) {
      checkAllowed(current);
      HttpResponse<byte[]> response = send(request(current, etag, lastModified), deadline, url);
      int status = response.statusCode();
      if (isRedirect(status)) {
        if (hop >= config.maxRedirects()) {
          throw new FetchException(
              "too many redirects (more than " + config.maxRedirects() + ")", status);
        }
        URI next = redirectTarget(current, response, status);
        Optional<String> refusal = redirectRefusal(current, next);
        if (refusal.isPresent()) {
          throw new FetchException(refusal.get(), status);
        }
        current = next;
        continue;
      }
      Instant fetchedAt = Instant.now();
      String newEtag = response.headers().firstValue("ETag").orElse(null);
      String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
      if (status == 304) {
        return new FetchResult(
            304, current.toString(), true, newEtag, newLastModified, null, new byte[0], fetchedAt);
      }
      if (status < 200 || status > 299) {
        throw new FetchException("HTTP " + status + " from " + current, status);
      }
      byte[] body =
          decode(response.headers().firstValue("Content-Encoding").orElse(null), response.body());
      return new FetchResult(
          status,
          current.toString(),
          false,
          newEtag,
          newLastModified,
          response.headers().firstValue("Content-Type").orElse(null),
          body,
          fetchedAt);
    }
  }

  private HttpRequest request(URI uri, String etag, String lastModified) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(config.fetchTimeout())
            .header("User-Agent", config.userAgent())
            .header("Accept-Encoding", "gzip, deflate")
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/rdf+xml,"
                    + " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
    if (etag != null) {
      builder.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      builder.header("If-Modified-Since", lastModified);
    }
    return builder.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request, long deadline, String feedUrl)
      throws FetchException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new FetchException("fetch deadline of " + config.fetchTimeout() + " exceeded");
    }
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> CappedBodySubscriber.of(config.maxBodyBytes()));
    try {
      // A total deadline: a server that drips one byte a second is cut off here.
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException("fetch deadline of " + config.fetchTimeout() + " exceeded", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted while fetching " + feedUrl, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BodyTooLargeException tooLarge) {
        throw new FetchException(tooLarge.getMessage(), tooLarge);
      }
      if (cause instanceof HttpTimeoutException) {
        throw new FetchException("timed out: " + cause.getMessage(), cause);
      }
      throw new FetchException(
          "cannot fetch "
              + request.uri()
              + ": "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage()),
          cause);
    }
  }

  private void checkAllowed(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("only http and https URLs are fetched: " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException("URL has no host: " + uri);
    }
    if (config.allowPrivateAddresses()) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException("unknown host: " + host, e);
    }
    for (InetAddress address : addresses) {
      Optional<String> reason = AddressPolicy.refusalReason(address);
      if (reason.isPresent()) {
        throw new FetchException(
            "refused "
                + host
                + " ("
                + address.getHostAddress()
                + "): "
                + reason.get()
                + "; set cleanwire.fetcher.allow-private-addresses=true to allow");
      }
    }
  }

  /** Why a redirect must not be followed (a downgrade to plain HTTP), or empty. */
  static Optional<String> redirectRefusal(URI from, URI to) {
    String fromScheme = from.getScheme() == null ? "" : from.getScheme().toLowerCase(Locale.ROOT);
    String toScheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
    if (fromScheme.equals("https") && !toScheme.equals("https")) {
      return Optional.of("refused redirect from https to " + toScheme + ": " + to);
    }
    return Optional.empty();
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI redirectTarget(URI current, HttpResponse<?> response, int status)
      throws FetchException {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new FetchException("redirect without Location header", status));
    try {
      return current.resolve(new URI(location.strip())).normalize();
    } catch (Exception e) {
      throw new FetchException("invalid redirect Location: " + location, status);
    }
  }

  private static URI parse(String url) throws FetchException {
    try {
      return new URI(url);
    } catch (Exception e) {
      throw new FetchException("malformed URL: " + url, e);
    }
  }

  private byte[] decode(String contentEncoding, byte[] raw) throws FetchException {
    String encoding =
        contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    try {
      return switch (encoding) {
        case "", "identity" -> raw;
        case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(raw)));
        case "deflate" -> inflate(raw);
        default -> throw new FetchException("unsupported Content-Encoding: " + encoding);
      };
    } catch (IOException e) {
      throw new FetchException("cannot decode " + encoding + " body: " + e.getMessage(), e);
    }
  }

  private byte[] inflate(byte[] raw) throws IOException {
    // "deflate" should be zlib-wrapped, but many servers send a raw deflate stream.
    try {
      return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater()));
    } catch (java.util.zip.ZipException e) {
      return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)));
    }
  }

  private byte[] readCapped(InputStream in) throws IOException {
    long cap = config.maxBodyBytes();
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > cap) {
          throw new BodyTooLargeException(cap);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
