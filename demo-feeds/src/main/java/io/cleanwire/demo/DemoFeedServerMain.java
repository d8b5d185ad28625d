package io.cleanwire.demo;

import java.util.concurrent.CountDownLatch;

/**
 * Serves the bundled sample feeds until the process is stopped; used by {@code run-local.sh}.
 *
 * <p>Argument (optional): the port, default 8090. Prints {@code FEEDS READY <opml url>} when up.
 */
public final class DemoFeedServerMain {

  private DemoFeedServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    FeedServer server = DemoFeeds.serve(FeedServer.start(port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    for (String path : DemoFeeds.PATHS) {
      System.out.println("  feed " + server.url(path));
    }
    System.out.println("FEEDS READY " + server.url(DemoFeeds.OPML_PATH));
    System.out.flush();
    stopped.await();
  }
}
