import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { log } from '../log.ts';
import { Graph } from '../graph/db.ts';
import { startEmbedded, stopEmbedded } from './embedded.ts';

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
 * embedded server that this call started when the connection closes.
 */
export async function connect(config: Config, options: { ownEmbedded?: boolean } = {}): Promise<Connection> {
  let uri = config.NEO4J_URI;
  let stopServer: (() => Promise<unknown>) | undefined;
  if (!uri) {
    const server = await startEmbedded({
      dataDir: config.GUANXI_DATA_DIR,
      port: config.GUANXI_NEO4J_PORT,
      heapMb: config.GUANXI_NEO4J_HEAP_MB,
      pageCacheMb: config.GUANXI_NEO4J_PAGECACHE_MB,
    });
    uri = server.uri;
    if (server.started && options.ownEmbedded) stopServer = () => stopEmbedded({ dataDir: config.GUANXI_DATA_DIR });
    log.info({ uri, started: server.started }, 'embedded Neo4j');
  }
  const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 20,
    connectionAcquisitionTimeout: 30_000,
  });
  try {
    await driver.getServerInfo({ database: config.NEO4J_DATABASE });
  } catch (error) {
    await driver.close();
    await stopServer?.();
    throw new Neo4jUnreachableError(`Neo4j at ${uri} is unreachable: ${shortReason(error)}`);
  }
  const database = config.NEO4J_DATABASE;
  return {
    graph: new Graph(driver, database),
    describe: `${uri}${database ? ` (database ${database})` : ''}`,
    async close() {
      await driver.close();
      await stopServer?.();
    },
  };
}

/** The driver's first sentence, without its advice about routing tables and the like. */
function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/(?<=\.)\s|\n/)[0] ?? message;
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}
