import { Neo4jError } from 'neo4j-driver';

const CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True when the database itself is out of reach: retrying article by article cannot help. */
export function isConnectionError(error: unknown): boolean {
  return error instanceof Neo4jError && CONNECTION_CODES.has(error.code);
}
