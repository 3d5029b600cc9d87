import type { Driver, ManagedTransaction, RecordShape, Session } from 'neo4j-driver';
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
    return this.driver.session({ database: this.database });
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

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  /** The server's product and version ("Neo4j/5.26.0") and address, for /ready. */
  async serverInfo(): Promise<{ agent?: string; address?: string }> {
    const info = await this.driver.getServerInfo({ database: this.database });
    return { agent: info.agent, address: info.address };
  }
}

function txConfig(timeoutMs: number | undefined): TransactionConfig | undefined {
  return timeoutMs ? { timeout: timeoutMs } : undefined;
}
