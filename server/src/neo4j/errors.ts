import { Neo4jError } from 'neo4j-driver';

const CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const LOST_CONNECTION = /^(Failed to connect to server|Connection was closed by server|Connection lost|Failed to establish connection)/;

/** True when the database itself is out of reach: retrying article by article cannot help. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  if (CONNECTION_CODES.has(error.code)) return true;
  // Reachable but its database is not (starting, recovering after a crash, stopping).
  if (error.code === 'Neo.TransientError.General.DatabaseUnavailable') return true;
  // A server that dies while a connection logs in: the driver re-labels its ServiceUnavailable
  // error a ProtocolError, keeping the message (and then does not retry it).
  if (error.code === 'ProtocolError' && LOST_CONNECTION.test(error.message)) return true;
  // A full pool that never frees a connection is an outage too, as far as a caller can tell.
  return /Connection acquisition timed out/i.test(error.message);
}

/**
 * True when Neo4j ended a transaction for running past its timeout (the one the driver asked for,
 * or the server's db.transaction.timeout).
 */
export function isTimeoutError(error: unknown): boolean {
  return error instanceof Neo4jError && /TransactionTimedOut/.test(error.code);
}

/** A read (or write) that ran past the limit the caller set; the message says what to do. */
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
  constructor(
    readonly timeoutMs: number,
    cause?: unknown,
  ) {
    super(`The query took longer than ${formatSeconds(timeoutMs)} and was stopped.`, { cause });
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** The driver's first sentence, without its advice about routing tables and the like. */
export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/(?<=\.)\s|\n/)[0] ?? message;
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}
