/** Exit codes every command keeps: scripts rely on them. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, databaseUnreachable: 3 } as const;

export class UsageError extends Error {}

/** One clear line (no stack trace) for the failures a user can act on; a stack for the rest. */
export async function exitOnError(error: unknown): Promise<never> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    process.stderr.write(`guanxi: ${message}\n`);
    process.exit(EXIT.usage);
  }
  // Loaded on failure only: the Neo4j driver alone is a good part of a start-up.
  const [{ Neo4jSetupError }, { Neo4jUnreachableError }, { isConnectionError }] = await Promise.all([
    import('../neo4j/embedded.ts'),
    import('../neo4j/connect.ts'),
    import('../neo4j/errors.ts'),
  ]);
  if (error instanceof Neo4jUnreachableError || error instanceof Neo4jSetupError || isConnectionError(error)) {
    process.stderr.write(`guanxi: ${message}\n`);
    process.exit(EXIT.databaseUnreachable);
  }
  process.stderr.write(`guanxi: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
  process.exit(EXIT.someFailed);
}
