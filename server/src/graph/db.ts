import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type RecordShape, type Session } from 'neo4j-driver';
import { QueryTimeoutError, isTimeoutError } from '../neo4j/errors.ts';

type Params = Record<string, unknown>;
type TransactionConfig = Parameters<Session['executeRead']>[1];

export interface GraphOptions {
  /**
   * Longest a read transaction may run (ms); Neo4j ends it past that. Unset: the server's own limit.
   * The API sets it so one expensive question cannot hold a connection and a CPU for minutes.
   */
  readTimeoutMs?: number;
  /** The same for writes; imports leave it unset (a batch may legitimately take long). */
  writeTimeoutMs?: number;
  /** Which Neo4j this is, for /ready and messages: "bolt://… (embedded)" or the URI. */
  name?: string;
}

/**
 * The only way code talks to Neo4j: reads through executeRead and writes through executeWrite,
 * so a cluster routes them to the right members and transient errors are retried by the driver.
 */
export class Graph {
  constructor(
    readonly driver: Driver,
    readonly database?: string,
    readonly options: GraphOptions = {},
  ) {}

  /** The same driver and database with other limits (the API's reads, an import's writes). */
  with(options: GraphOptions): Graph {
    return new Graph(this.driver, this.database, { ...this.options, ...options });
  }

  private session() {
    return this.driver.session({ database: this.database, bookmarkManager: bookmarksOf(this.driver) });
  }

  async read<T extends RecordShape = RecordShape>(query: string, params: Params = {}): Promise<T[]> {
    const session = this.session();
    const timeoutMs = this.options.readTimeoutMs;
    try {
      return await session.executeRead(async (tx) => (await tx.run<T>(query, params)).records.map((r) => r.toObject()), txConfig(timeoutMs));
    } catch (error) {
      throw timeoutMs && isTimeoutError(error) ? new QueryTimeoutError(timeoutMs, error) : error;
    } finally {
      await session.close();
    }
  }

  async write<T extends RecordShape = RecordShape>(query: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction(async (tx) => (await tx.run<T>(query, params)).records.map((r) => r.toObject()));
  }

  /** Several statements in one write transaction: all of them land, or none. */
  async writeTransaction<R>(work: (tx: ManagedTransaction) => Promise<R>): Promise<R> {
    const session = this.session();
    const timeoutMs = this.options.writeTimeoutMs;
    try {
      return await session.executeWrite(work, txConfig(timeoutMs));
    } catch (error) {
      throw timeoutMs && isTimeoutError(error) ? new QueryTimeoutError(timeoutMs, error) : error;
    } finally {
      await session.close();
    }
  }

  /** The bookmarks this process's reads wait for: those of its latest writes. */
  async bookmarks(): Promise<string[]> {
    return [...(await bookmarksOf(this.driver).getBookmarks())];
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  /** The server's product and version ("Neo4j/5.26.0") and address, for /ready. */
  async serverInfo(): Promise<{ agent?: string; address?: string }> {
    const info = await this.driver.getServerInfo({ database: this.database });
    return { agent: info.agent, address: info.address };
  }
}

/**
 * One bookmark manager per driver, shared by every session on it: a read after a write of this
 * process waits for a cluster member that has that write (causal consistency under neo4j://
 * routing, where reads go to followers). A single server ignores it.
 */
const bookmarkManagers = new WeakMap<Driver, BookmarkManager>();

function bookmarksOf(driver: Driver): BookmarkManager {
  let manager = bookmarkManagers.get(driver);
  if (!manager) {
    manager = neo4j.bookmarkManager();
    bookmarkManagers.set(driver, manager);
  }
  return manager;
}

function txConfig(timeoutMs: number | undefined): TransactionConfig | undefined {
  return timeoutMs ? { timeout: timeoutMs } : undefined;
}
