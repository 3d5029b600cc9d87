package guanxi;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with only a Bolt connector on loopback, so guanxi can use a
 * real Neo4j without an installed server or Docker. The Node launcher (server/src/neo4j/embedded.ts)
 * starts this process, waits for the READY line, and stops it with SIGTERM.
 *
 * Usage: EmbeddedNeo4j <dataDir> <boltPort> <pageCacheMb> [txTimeoutSeconds] [--exit-with-stdin]
 *
 * --exit-with-stdin: stop (cleanly) when standard input ends. The process that started this one
 * holds the other end of that pipe, and the kernel closes it however that process ends, SIGKILL
 * included, so a server started for `guanxi serve` never outlives it and keeps the port and the
 * store lock. Without it (`guanxi neo4j start`) the server is a background service.
 */
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: EmbeddedNeo4j <dataDir> <boltPort> <pageCacheMb> [txTimeoutSeconds] [--exit-with-stdin]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = Long.parseLong(args[2]);
    long txTimeoutSeconds = 0;
    boolean exitWithStdin = false;
    for (int i = 3; i < args.length; i++) {
      if (args[i].equals("--exit-with-stdin")) exitWithStdin = true;
      else txTimeoutSeconds = Long.parseLong(args[i]);
    }
    Files.createDirectories(home);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        // Loopback only, single user: the same trust model as a local development database.
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.mebiBytes(128))
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
        // A safety net: a transaction nobody set a timeout for (an abandoned query) ends at last.
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
        // Timeouts are checked this often; the default (2 s) would let a 5 s API timeout run to 7 s.
        .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(500))
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("STOPPING");
      dbms.shutdown();
      stopped.countDown();
    }, "guanxi-neo4j-shutdown"));

    if (exitWithStdin) {
      Thread watcher = new Thread(() -> {
        try {
          InputStream in = System.in;
          byte[] buffer = new byte[256];
          while (in.read(buffer) >= 0) {
            // Nothing is ever sent; reading only waits for the end.
          }
        } catch (Exception ignored) {
          // A broken pipe means the parent is gone, the same as the end of input.
        }
        System.out.println("PARENT GONE");
        System.exit(0); // runs the shutdown hook: a clean shutdown
      }, "guanxi-parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  private EmbeddedNeo4j() {}
}
