package io.cleanwire.fetcher.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body in memory and cancels the download as soon as it exceeds a cap. */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

  private final long cap;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long total;

  private CappedBodySubscriber(long cap) {
    this.cap = cap;
  }

  static CappedBodySubscriber of(long cap) {
    return new CappedBodySubscriber(cap);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      total += buffer.remaining();
      if (total > cap) {
        // The decoded body is capped again later; a feed whose compressed form alone exceeds
        // the cap would exceed it decoded too (feeds compress well), so stop downloading now.
        subscription.cancel();
        result.completeExceptionally(new BodyTooLargeException(cap));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      out.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
