import { Neo4jSetupError } from '../neo4j/embedded.ts';
import { Neo4jUnreachableError } from '../neo4j/connect.ts';
import { isConnectionError } from '../neo4j/errors.ts';

/** Exit codes every command keeps: scripts rely on them. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, databaseUnreachable: 3 } as const;

export class UsageError extends Error {}

/** One clear line (no stack trace) for the failures a user can act on; a stack for the rest. */
export function exitOnError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    process.stderr.write(`guanxi: ${message}\n`);
    process.exit(EXIT.usage);
  }
  if (error instanceof Neo4jUnreachableError || error instanceof Neo4jSetupError || isConnectionError(error)) {
    process.stderr.write(`guanxi: ${message}\n`);
    process.exit(EXIT.databaseUnreachable);
  }
  process.stderr.write(`guanxi: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
  process.exit(EXIT.someFailed);
}
