package io.cleanwire.kafka;

import io.cleanwire.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.jboss.logging.Logger;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM.
 *
 * <p>It is the same broker code as production Kafka, started from the Maven artifacts of the
 * version the Quarkus BOM manages, so clients in the same JVM are compatible. It listens on
 * 127.0.0.1 only and creates Cleanwire's topics on start.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalKafkaBroker.class);
  private static final String CONTROLLER = "CONTROLLER";
  private static final String HOST = "127.0.0.1";
  private static final String SHARED_BOOTSTRAP_PROPERTY = "cleanwire.kafka-local.shared-bootstrap";
  private static volatile LocalKafkaBroker shared;

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final int partitions;
  private final boolean deleteDataOnClose;
  private KafkaRaftServer server;

  private LocalKafkaBroker(
      Path dataDir, int port, int controllerPort, int partitions, boolean deleteDataOnClose) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.partitions = partitions;
    this.deleteDataOnClose = deleteDataOnClose;
  }

  /**
   * A broker that keeps its data in {@code dataDir} across restarts.
   *
   * @param port client port; 0 picks a free one
   * @param partitions partitions of each Cleanwire topic it creates
   */
  public static LocalKafkaBroker persistent(Path dataDir, int port, int partitions) {
    return new LocalKafkaBroker(dataDir, port, 0, partitions, false);
  }

  /** A throw-away broker on free ports in a temporary directory, deleted on close. */
  public static LocalKafkaBroker ephemeral(int partitions) {
    try {
      return new LocalKafkaBroker(
          Files.createTempDirectory("cleanwire-kafka-"), 0, 0, partitions, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
    }
  }

  /**
   * The one broker of this JVM, started on first use and stopped when the JVM exits. Tests share
   * it: starting a broker takes seconds, and topics it holds are cheap.
   *
   * <p>Quarkus loads test resources in a new class loader for every test profile, so a static field
   * alone would start one broker per profile; the running broker's address is therefore also kept
   * in a JVM-wide system property, and later class loaders attach to it.
   */
  public static LocalKafkaBroker shared() {
    LocalKafkaBroker broker = shared;
    if (broker == null) {
      synchronized (System.getProperties()) {
        broker = shared;
        if (broker == null) {
          String running = System.getProperty(SHARED_BOOTSTRAP_PROPERTY);
          if (running != null) {
            broker = attached(running);
          } else {
            broker = ephemeral(Topics.DEFAULT_PARTITIONS).start();
            LocalKafkaBroker started = broker;
            Runtime.getRuntime()
                .addShutdownHook(new Thread(started::close, "cleanwire-kafka-shutdown"));
            System.setProperty(SHARED_BOOTSTRAP_PROPERTY, broker.bootstrapServers());
          }
          shared = broker;
        }
      }
    }
    return broker;
  }

  /** A handle on a broker that another class loader of this JVM started and owns. */
  private static LocalKafkaBroker attached(String bootstrapServers) {
    LocalKafkaBroker broker = new LocalKafkaBroker(null, 0, 0, Topics.DEFAULT_PARTITIONS, false);
    broker.attachedBootstrap = bootstrapServers;
    return broker;
  }

  /** Formats storage when new, starts the broker and creates the Cleanwire topics. */
  public synchronized LocalKafkaBroker start() {
    if (server != null) {
      return this;
    }
    long begin = System.nanoTime();
    int clientPort = port == 0 ? freePort() : port;
    int ctrlPort = controllerPort == 0 ? freePort() : controllerPort;
    KafkaConfig config = KafkaConfig.fromProps(brokerProperties(clientPort, ctrlPort), false);
    format(config);
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    boundPort = clientPort;
    createTopics(
        List.of(
            Topics.ENTRY_FETCHED,
            Topics.ENTRY_FETCHED_DLQ,
            Topics.ENTRY_NORMALIZED,
            Topics.ENTRY_NORMALIZED_DLQ));
    LOG.infof(
        "Kafka broker ready bootstrapServers=%s dataDir=%s startMillis=%d",
        bootstrapServers(), dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    return this;
  }

  private int boundPort;
  private String attachedBootstrap;

  /** {@code host:port} for clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    if (attachedBootstrap != null) {
      return attachedBootstrap;
    }
    if (server == null) {
      throw new IllegalStateException("broker not started");
    }
    return HOST + ":" + boundPort;
  }

  /** Creates topics that do not exist yet, with this broker's partition count. */
  public void createTopics(List<String> names) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          names.stream()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, partitions, (short) 1))
              .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics " + names + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warnf(e, "Kafka broker did not shut down cleanly dataDir=%s", dataDir);
    } finally {
      server = null;
      if (deleteDataOnClose) {
        deleteRecursively(dataDir);
      }
    }
  }

  private Properties brokerProperties(int clientPort, int ctrlPort) {
    Properties props = new Properties();
    props.put("node.id", "1");
    props.put("process.roles", "broker,controller");
    props.put("controller.listener.names", CONTROLLER);
    props.put("controller.quorum.voters", "1@" + HOST + ":" + ctrlPort);
    props.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + clientPort
            + ","
            + CONTROLLER
            + "://"
            + HOST
            + ":"
            + ctrlPort);
    props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", dataDir.resolve("logs").toString());
    props.put("metadata.log.dir", dataDir.resolve("metadata").toString());
    // One node: every internal topic has a single replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("num.partitions", String.valueOf(partitions));
    // Cleanwire creates its topics explicitly; a typo must not silently make a new one.
    props.put("auto.create.topics.enable", "false");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("controlled.shutdown.enable", "false");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    props.put("log.retention.hours", "168");
    return props;
  }

  private void format(KafkaConfig config) {
    // Formatting twice would give the data another cluster id and make Kafka refuse it.
    if (Files.exists(Path.of(config.metadataLogDir(), "meta.properties"))) {
      return;
    }
    Formatter formatter =
        new Formatter()
            .setClusterId(Uuid.randomUuid().toString())
            .setNodeId(config.nodeId())
            .setIgnoreFormatted(true)
            .setControllerListenerName(CONTROLLER)
            .setMetadataLogDirectory(config.metadataLogDir());
    formatter.addDirectory(config.metadataLogDir());
    config.logDirs().forEach(formatter::addDirectory);
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + dataDir + ": " + e, e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.debugf("could not delete %s: %s", dir, e);
    }
  }

  /** How long a client should wait for this broker at most in tests and local runs. */
  public static Duration readyTimeout() {
    return Duration.ofSeconds(60);
  }
}
