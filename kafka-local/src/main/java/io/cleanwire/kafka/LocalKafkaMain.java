package io.cleanwire.kafka;

import io.cleanwire.events.Topics;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local broker until the process is stopped; used by {@code run-local.sh}.
 *
 * <p>Arguments (all optional): data directory (default {@code ./data/kafka}) and port (default
 * 9092). Prints {@code KAFKA READY <bootstrap>} once clients can connect.
 */
public final class LocalKafkaMain {

  private LocalKafkaMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "data/kafka").toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
    LocalKafkaBroker broker =
        LocalKafkaBroker.persistent(dataDir, port, Topics.DEFAULT_PARTITIONS).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "cleanwire-kafka-shutdown"));
    System.out.println("KAFKA READY " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }
}
