package io.cleanwire.fetcher.http;

import io.cleanwire.fetcher.config.FetcherConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The fetcher's only HTTP client: conditional GET of one feed URL with redirect, size, time,
 * per-host concurrency and address limits.
 *
 * <p>Built on Apache HttpClient 5 because of its DNS hook: {@link GuardedDnsResolver} refuses
 * private addresses at the moment the socket connects, so a DNS answer that changes between a check
 * and the connection cannot slip through. Redirects are followed by hand so that every hop is
 * checked (scheme, no https→http downgrade, address).
 */
@ApplicationScoped
public class FeedHttpClient {

  /** Whether the native Brotli decoder loaded; br is only advertised when it did. */
  private static final boolean BROTLI = brotliAvailable();

  private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d{1,10})");

  private final FetcherConfig config;
  private final GuardedDnsResolver resolver;
  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager connections;
  private final ScheduledExecutorService deadlines;
  private final Map<String, Semaphore> hostPermits = new ConcurrentHashMap<>();
  private final LongAdder hostLimitWaits = new LongAdder();

  public FeedHttpClient(FetcherConfig config) {
    this.config = config;
    AddressAllowlist allowlist =
        AddressAllowlist.parse(config.allowedAddresses().orElse(List.of()));
    this.resolver = new GuardedDnsResolver(config.allowPrivateAddresses(), allowlist);
    Timeout connect = Timeout.of(config.connectTimeout());
    Timeout read = Timeout.of(config.readTimeout());
    this.connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(resolver)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(connect)
                    .setSocketTimeout(read)
                    .setTimeToLive(Timeout.ofMinutes(2))
                    .build())
            .setMaxConnTotal(Math.max(16, config.pollConcurrency() * 2))
            .setMaxConnPerRoute(Math.max(1, config.maxConcurrentPerHost()))
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(read)
                    .setConnectionRequestTimeout(Timeout.of(config.fetchTimeout()))
                    .setProtocolUpgradeEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fetch-deadline");
              t.setDaemon(true);
              return t;
            });
  }

  @PreDestroy
  void close() {
    deadlines.shutdownNow();
    try {
      client.close();
    } catch (IOException e) {
      // shutting down: nothing left to do with the pool
    }
  }

  /**
   * Why a feed URL must not be subscribed: its host resolves only to refused addresses. A host that
   * does not resolve now is accepted (DNS may be down); every fetch checks again anyway.
   */
  public Optional<String> addressRefusal(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        return Optional.of("URL has no host: " + url);
      }
      resolver.resolve(uri.getHost());
      return Optional.empty();
    } catch (GuardedDnsResolver.RefusedAddressException e) {
      return Optional.of(e.getMessage());
    } catch (UnknownHostException | java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** How many fetches had to wait because their host already had its limit of fetches running. */
  public long hostLimitWaits() {
    return hostLimitWaits.sum();
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
    URI first = parse(url);
    checkScheme(first);
    Semaphore permit =
        hostPermits.computeIfAbsent(
            first.getHost().toLowerCase(Locale.ROOT),
            h -> new Semaphore(Math.max(1, config.maxConcurrentPerHost()), true));
    acquire(permit, deadline, first);
    try {
      return follow(first, etag, lastModified, deadline);
    } finally {
      permit.release();
    }
  }

  private void acquire(Semaphore permit, long deadline, URI uri) throws FetchException {
    if (permit.tryAcquire()) {
      return;
    }
    // Politeness before speed: wait for another fetch of the same host to finish.
    hostLimitWaits.increment();
    try {
      if (!permit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new FetchException(
            FetchFailure.DEADLINE,
            "fetch deadline of "
                + config.fetchTimeout()
                + " passed while waiting for the per-host limit of "
                + uri.getHost(),
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchFailure.NETWORK, "interrupted while fetching " + uri, e);
    }
  }

  private FetchResult follow(URI first, String etag, String lastModified, long deadline)
      throws FetchException {
    URI current = first;
    String permanentUrl = null;
    boolean permanentSoFar = true;
    for (int hop = 0; ; hop++) {
      checkScheme(current);
      Hop response = exchange(current, etag, lastModified, deadline);
      int status = response.status();
      if (isRedirect(status)) {
        if (hop >= config.maxRedirects()) {
          throw new FetchException(
              FetchFailure.REDIRECTS,
              "too many redirects (more than " + config.maxRedirects() + ")",
              status,
              null,
              null);
        }
        URI next = redirectTarget(current, response.location(), status);
        Optional<String> refusal = redirectRefusal(current, next);
        if (refusal.isPresent()) {
          throw new FetchException(FetchFailure.REFUSED, refusal.get(), status, null, null);
        }
        permanentSoFar = permanentSoFar && (status == 301 || status == 308);
        if (permanentSoFar) {
          permanentUrl = next.toString();
        }
        current = next;
        continue;
      }
      Instant fetchedAt = Instant.now();
      if (status == 304) {
        return new FetchResult(
            304,
            current.toString(),
            true,
            response.etag(),
            response.lastModified(),
            null,
            new byte[0],
            fetchedAt,
            permanentUrl,
            response.maxAge(),
            response.wireBytes());
      }
      if (status < 200 || status > 299) {
        Instant retryAfter =
            status == 429 || status == 503 ? retryAfter(response.retryAfter(), fetchedAt) : null;
        throw new FetchException(
            FetchFailure.of(status),
            "HTTP "
                + status
                + " from "
                + current
                + (response.retryAfter() == null
                    ? ""
                    : " (Retry-After: " + clip(response.retryAfter()) + ")"),
            status,
            retryAfter,
            null);
      }
      return new FetchResult(
          status,
          current.toString(),
          false,
          response.etag(),
          response.lastModified(),
          response.contentType(),
          response.body(),
          fetchedAt,
          permanentUrl,
          response.maxAge(),
          response.wireBytes());
    }
  }

  /** One request and response; the body is read only for 2xx answers. */
  private Hop exchange(URI uri, String etag, String lastModified, long deadline)
      throws FetchException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw deadlineExceeded(null);
    }
    HttpGet get = new HttpGet(uri);
    get.setHeader("User-Agent", config.userAgent());
    get.setHeader("Accept-Encoding", BROTLI ? "gzip, deflate, br" : "gzip, deflate");
    get.setHeader(
        "Accept",
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml,"
            + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.7");
    if (etag != null) {
      get.setHeader("If-None-Match", etag);
    }
    if (lastModified != null) {
      get.setHeader("If-Modified-Since", lastModified);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    // A total deadline: a server that drips one byte a second is cut off here, whatever the
    // per-read timeout says.
    ScheduledFuture<?> killer =
        deadlines.schedule(
            () -> {
              timedOut.set(true);
              get.cancel();
            },
            remaining,
            TimeUnit.NANOSECONDS);
    ClassicHttpResponse response = null;
    boolean consumed = false;
    try {
      response = client.executeOpen(null, get, null);
      int status = response.getCode();
      String encoding = header(response, "Content-Encoding");
      Hop hop =
          new Hop(
              status,
              header(response, "Location"),
              header(response, "ETag"),
              header(response, "Last-Modified"),
              header(response, "Content-Type"),
              header(response, "Retry-After"),
              maxAge(header(response, "Cache-Control")),
              new byte[0],
              0);
      HttpEntity entity = response.getEntity();
      if (status < 200 || status > 299 || entity == null) {
        return hop;
      }
      long declared = entity.getContentLength();
      if (declared > config.maxBodyBytes()) {
        throw new FetchException(
            FetchFailure.TOO_LARGE,
            "feed body larger than "
                + config.maxBodyBytes()
                + " bytes (Content-Length "
                + declared
                + ", cleanwire.fetcher.max-body-bytes)",
            null);
      }
      CountingInputStream wire = new CountingInputStream(entity.getContent());
      byte[] body;
      try {
        body = readCapped(decoding(encoding, wire));
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        if (timedOut.get()) {
          throw e;
        }
        throw new BodyDecodingException("corrupt compressed body: " + e.getMessage());
      }
      consumed = true;
      return new Hop(
          status,
          hop.location(),
          hop.etag(),
          hop.lastModified(),
          hop.contentType(),
          hop.retryAfter(),
          hop.maxAge(),
          body,
          wire.count());
    } catch (BodyTooLargeException e) {
      throw new FetchException(FetchFailure.TOO_LARGE, e.getMessage(), e);
    } catch (BodyDecodingException e) {
      throw new FetchException(FetchFailure.ENCODING, e.getMessage(), e);
    } catch (IOException e) {
      if (timedOut.get()) {
        throw deadlineExceeded(e);
      }
      throw networkFailure(uri, e);
    } finally {
      killer.cancel(false);
      if (!consumed) {
        // Closing an unread response would drain its body to reuse the connection: a 50 MB
        // error page or an endless stream. Drop the connection instead.
        get.cancel();
      }
      closeQuietly(response);
    }
  }

  private FetchException deadlineExceeded(Throwable cause) {
    return new FetchException(
        FetchFailure.DEADLINE, "fetch deadline of " + config.fetchTimeout() + " exceeded", cause);
  }

  private static FetchException networkFailure(URI uri, IOException e) {
    Throwable refused = e;
    while (refused != null && !(refused instanceof GuardedDnsResolver.RefusedAddressException)) {
      refused = refused.getCause();
    }
    if (refused != null) {
      return new FetchException(FetchFailure.REFUSED, refused.getMessage(), e);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException(FetchFailure.NETWORK, "unknown host: " + uri.getHost(), e);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new FetchException(FetchFailure.NETWORK, "cannot fetch " + uri + ": " + message, e);
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException | RuntimeException e) {
      // the connection was aborted on purpose; nothing to release
    }
  }

  private static String header(ClassicHttpResponse response, String name) {
    Header h = response.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static void checkScheme(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchFailure.REFUSED, "only http and https URLs are fetched: " + uri, null);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(FetchFailure.REFUSED, "URL has no host: " + uri, null);
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

  /**
   * When a Retry-After value (delay in seconds or an HTTP date) points to, or null when it is
   * missing or unreadable.
   */
  static Instant retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.matches("\\d{1,10}")) {
      return now.plusSeconds(Long.parseLong(v));
    }
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Duration maxAge(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI redirectTarget(URI current, String location, int status)
      throws FetchException {
    if (location == null) {
      throw new FetchException(
          FetchFailure.REDIRECTS, "redirect without Location header", status, null, null);
    }
    try {
      return current.resolve(new URI(location.strip())).normalize();
    } catch (Exception e) {
      throw new FetchException(
          FetchFailure.REDIRECTS, "invalid redirect Location: " + clip(location), status, null, e);
    }
  }

  private static URI parse(String url) throws FetchException {
    try {
      return new URI(url);
    } catch (Exception e) {
      throw new FetchException(FetchFailure.REFUSED, "malformed URL: " + url, e);
    }
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static InputStream decoding(String contentEncoding, InputStream raw) throws IOException {
    String encoding =
        contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "", "identity" -> raw;
      case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
      case "deflate" -> new DeflateInputStream(raw);
      case "br" -> {
        if (!BROTLI) {
          throw new BodyDecodingException("Content-Encoding br but no Brotli decoder available");
        }
        yield new com.aayushatharva.brotli4j.decoder.BrotliInputStream(raw);
      }
      default -> throw new BodyDecodingException("unsupported Content-Encoding: " + encoding);
    };
  }

  private static boolean brotliAvailable() {
    try {
      com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) {
      // no native library for this platform: gzip and deflate still work
      return false;
    }
  }

  /** Reads a stream to its end, failing as soon as more than the cap came out of it. */
  private byte[] readCapped(InputStream in) throws IOException {
    long cap = config.maxBodyBytes();
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > cap) {
          throw new BodyTooLargeException(cap);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (BodyDecodingException | BodyTooLargeException e) {
      throw e;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new BodyDecodingException("corrupt compressed body: " + e.getMessage());
    }
  }

  /** What one hop answered. */
  private record Hop(
      int status,
      String location,
      String etag,
      String lastModified,
      String contentType,
      String retryAfter,
      Duration maxAge,
      byte[] body,
      long wireBytes) {}

  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }

  /** "deflate" should be zlib-wrapped, but many servers send a raw deflate stream: sniff it. */
  private static final class DeflateInputStream extends FilterInputStream {
    DeflateInputStream(InputStream raw) throws IOException {
      super(null);
      java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(raw, 2);
      byte[] head = pushback.readNBytes(2);
      pushback.unread(head);
      boolean zlib =
          head.length == 2
              && (head[0] & 0x0f) == 8
              && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
      this.in = new InflaterInputStream(pushback, new Inflater(!zlib), 8192);
    }
  }

  private static final class BodyDecodingException extends IOException {
    BodyDecodingException(String message) {
      super(message);
    }
  }
}
