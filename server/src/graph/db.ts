import neo4j, { type BookmarkManager, type Record as Neo4jRecord, type Driver, type ManagedTransaction, type RecordShape, type Session } from 'neo4j-driver';
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

  /**
   * One read whose rows are handed on in batches as they arrive, instead of collected: the driver
   * pulls `fetchSize` rows at a time and stops pulling while `onRows` is busy (its backpressure),
   * so memory holds about a fetch however many rows the query returns. A retried transaction
   * starts again from the first row: rows already handed on are skipped, so the query must return
   * its rows in a fixed order (ORDER BY a unique key). Returns the number of rows.
   */
  async stream<T extends RecordShape = RecordShape>(
    query: string,
    params: Params,
    onRows: (rows: T[]) => void | Promise<void>,
    { batch = 1_000, fetchSize = 5_000, readAhead = 0 }: StreamOptions = {},
  ): Promise<number> {
    const session = this.driver.session({ database: this.database, bookmarkManager: bookmarksOf(this.driver), fetchSize });
    const timeoutMs = this.options.readTimeoutMs;
    let handed = 0;
    try {
      return await session.executeRead(async (tx) => {
        const records = tx.run<T>(query, params);
        const hand = async (rows: T[]) => {
          handed += rows.length;
          await onRows(rows);
        };
        if (readAhead > 0) return await readingAhead(records, handed, batch, readAhead, hand);
        let seen = 0;
        let rows: T[] = [];
        for await (const record of records) {
          if (seen++ < handed) continue;
          rows.push(plain<T>(record));
          if (rows.length >= batch) {
            await hand(rows);
            rows = [];
          }
        }
        if (rows.length > 0) await hand(rows);
        return seen;
      }, txConfig(timeoutMs));
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

export interface StreamOptions {
  /** Rows handed to `onRows` at once. */
  batch?: number;
  /** Rows Neo4j sends per PULL. */
  fetchSize?: number;
  /**
   * Rows taken off the driver ahead of `onRows`, at most (0: none, the driver's own backpressure).
   * The driver stops asking for rows once 70 % of a fetch lies unread and asks again at 30 %: with
   * `onRows` as slow a row as Neo4j, Neo4j then waits for 70 % of every fetch to be handed on, and
   * the two take turns. Taken off as they arrive, the rows leave the driver's queue empty, so
   * Neo4j is asked for the next fetch as soon as it has sent the last one, until this many wait.
   */
  readAhead?: number;
}

/**
 * The rows of `records`, from the `skip`th on, handed on in batches by one loop while another takes
 * them off the driver as they arrive, up to `ahead` rows waiting. Returns the rows seen.
 */
async function readingAhead<T extends RecordShape>(
  records: AsyncIterable<Neo4jRecord<T>>,
  skip: number,
  batch: number,
  ahead: number,
  hand: (rows: T[]) => Promise<void>,
): Promise<number> {
  const iterator = records[Symbol.asyncIterator]();
  const full: T[][] = [];
  let rows: T[] = [];
  let waiting = 0;
  let seen = 0;
  let ended = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  // Whoever waits: the handing loop for a batch, the taking loop for room.
  let wakeHander: (() => void) | null = null;
  let wakeTaker: (() => void) | null = null;
  const wake = (which: 'hander' | 'taker') => {
    const w = which === 'hander' ? wakeHander : wakeTaker;
    if (which === 'hander') wakeHander = null;
    else wakeTaker = null;
    w?.();
  };
  const taking = (async () => {
    try {
      for (;;) {
        // At least a batch, or the handing loop would wait for a batch the taking loop never fills.
        while (waiting >= Math.max(ahead, batch) && !stopped) await new Promise<void>((resolve) => (wakeTaker = resolve));
        if (stopped) return;
        const next = await iterator.next();
        if (next.done) break;
        if (seen++ < skip) continue;
        rows.push(plain<T>(next.value));
        waiting++;
        if (rows.length >= batch) {
          full.push(rows);
          rows = [];
          wake('hander');
        }
      }
      if (rows.length > 0) full.push(rows);
    } catch (error) {
      failure = { error };
    } finally {
      ended = true;
      wake('hander');
    }
  })();
  try {
    for (;;) {
      while (full.length === 0 && !ended) await new Promise<void>((resolve) => (wakeHander = resolve));
      if (failure) throw (failure as { error: unknown }).error;
      const next = full.shift();
      if (!next) break;
      waiting -= next.length;
      wake('taker');
      await hand(next);
    }
    return seen;
  } catch (error) {
    // The handing failed: stop taking and end the stream, so no read outlives its transaction.
    stopped = true;
    wake('taker');
    // Not awaited: the transaction's rollback ends a pending pull, and the taking loop swallows it.
    iterator.return?.()?.catch(() => {});
    void taking;
    throw error;
  }
}

/** A record as an object (the driver's toObject walks a down-compiled iterator: slow over millions of rows). */
function plain<T extends RecordShape>(record: Neo4jRecord<T>): T {
  const keys = record.keys as string[];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) row[keys[i]!] = record.get(i);
  return row as T;
}

function txConfig(timeoutMs: number | undefined): TransactionConfig | undefined {
  return timeoutMs ? { timeout: timeoutMs } : undefined;
}
