import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { log } from '../log.ts';
import { Graph } from '../graph/db.ts';
import { startEmbedded, stopEmbedded } from './embedded.ts';
import { shortReason } from './errors.ts';

export class Neo4jUnreachableError extends Error {}

export interface Connection {
  graph: Graph;
  /** Where the data lives, for messages: the URI and the database name. */
  describe: string;
  close(): Promise<void>;
}

/**
 * One code path to any Neo4j: NEO4J_URI when set (Aura, a cluster via neo4j://, docker compose),
 * otherwise the embedded server, started if it is not already running. `ownEmbedded` stops an
 * embedded server that this call started when the connection closes, and makes it end with this
 * process however it ends (a crash, SIGKILL), so no orphan holds the port and the store.
 */
export async function connect(config: Config, options: { ownEmbedded?: boolean } = {}): Promise<Connection> {
  let uri = config.NEO4J_URI;
  let name = uri;
  let stopServer: (() => Promise<unknown>) | undefined;
  if (!uri) {
    const server = await startEmbedded({
      ...embeddedOptions(config),
      exitWithParent: Boolean(options.ownEmbedded),
    });
    uri = server.uri;
    name = `${uri} (embedded)`;
    if (server.started && options.ownEmbedded) stopServer = () => stopEmbedded({ dataDir: config.GUANXI_DATA_DIR });
    log.info({ uri, started: server.started }, 'embedded Neo4j');
  }
  const driver = createDriver(uri, config);
  try {
    await driver.getServerInfo({ database: config.NEO4J_DATABASE });
  } catch (error) {
    await driver.close();
    await stopServer?.();
    throw new Neo4jUnreachableError(`Neo4j at ${uri} is unreachable: ${shortReason(error)}`);
  }
  const database = config.NEO4J_DATABASE;
  return {
    graph: new Graph(driver, database, { name }),
    describe: `${uri}${database ? ` (database ${database})` : ''}`,
    async close() {
      await driver.close();
      await stopServer?.();
    },
  };
}

/** The embedded server as the configuration describes it (neo4j start and connect share it). */
export function embeddedOptions(config: Config) {
  return {
    dataDir: config.GUANXI_DATA_DIR,
    port: config.GUANXI_NEO4J_PORT,
    heapMb: config.GUANXI_NEO4J_HEAP_MB,
    pageCacheMb: config.GUANXI_NEO4J_PAGECACHE_MB,
    txTimeoutS: config.GUANXI_NEO4J_TX_TIMEOUT_S,
  };
}

/**
 * A driver that gives up quickly when Neo4j is away: the driver's defaults (30 s to connect, 60 s
 * for a pooled connection, 30 s of retries) made every request hang for most of a minute before
 * failing. Now a request fails within about connect + retry time and the caller says so; the pool
 * reconnects by itself when Neo4j is back.
 */
export function createDriver(uri: string, config: Config): Driver {
  const connectMs = config.GUANXI_NEO4J_CONNECT_TIMEOUT_MS;
  return neo4j.driver(uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 20,
    connectionTimeout: connectMs,
    // Waiting for a pooled connection also covers busy moments, so it may last a query's timeout.
    connectionAcquisitionTimeout: connectMs + config.GUANXI_QUERY_TIMEOUT_MS,
    maxTransactionRetryTime: config.GUANXI_NEO4J_RETRY_MS,
  });
}
