import type { Driver, ManagedTransaction, RecordShape } from 'neo4j-driver';

type Params = Record<string, unknown>;

/**
 * The only way code talks to Neo4j: reads through executeRead and writes through executeWrite,
 * so a cluster routes them to the right members and transient errors are retried by the driver.
 */
export class Graph {
  constructor(
    readonly driver: Driver,
    readonly database?: string,
  ) {}

  private session() {
    return this.driver.session({ database: this.database });
  }

  async read<T extends RecordShape = RecordShape>(query: string, params: Params = {}): Promise<T[]> {
    const session = this.session();
    try {
      return await session.executeRead(async (tx) => (await tx.run<T>(query, params)).records.map((r) => r.toObject()));
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
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }
}
