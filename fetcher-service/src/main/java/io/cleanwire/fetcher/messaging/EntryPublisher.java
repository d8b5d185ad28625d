package io.cleanwire.fetcher.messaging;

import io.cleanwire.events.EntryFetchedEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes fetched entries to {@code cleanwire.entry.fetched.v1} keyed by entryKey and reports
 * back only when the broker acknowledged every one of them.
 */
@ApplicationScoped
public class EntryPublisher {

  private final Emitter<EntryFetchedEvent> emitter;

  public EntryPublisher(
      @Channel("fetched-entries") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
          Emitter<EntryFetchedEvent> emitter) {
    this.emitter = emitter;
  }

  /**
   * Sends every event and waits for all acknowledgements.
   *
   * @throws PublishException when any send is refused, nacked or not acked within the timeout; some
   *     events may then have reached Kafka, which the next poll's re-send makes harmless
   */
  public void publishAll(List<EntryFetchedEvent> events, Duration timeout) throws PublishException {
    List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
    for (EntryFetchedEvent event : events) {
      CompletableFuture<Void> ack = new CompletableFuture<>();
      OutgoingKafkaRecordMetadata<String> key =
          OutgoingKafkaRecordMetadata.<String>builder().withKey(event.entryKey()).build();
      Message<EntryFetchedEvent> message =
          Message.of(
              event,
              Metadata.of(key),
              () -> {
                ack.complete(null);
                return CompletableFuture.completedFuture(null);
              },
              failure -> {
                ack.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
              });
      try {
        emitter.send(message);
      } catch (RuntimeException e) {
        // Emitter refuses when its buffer is full or the channel is down.
        ack.completeExceptionally(e);
      }
      acks.add(ack);
    }
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      long acked = acks.stream().filter(a -> a.isDone() && !a.isCompletedExceptionally()).count();
      throw new PublishException(
          "Kafka acked " + acked + " of " + events.size() + " entries within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new PublishException(
          "Kafka refused an entry: "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage()),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while waiting for Kafka acks", e);
    }
  }
}
