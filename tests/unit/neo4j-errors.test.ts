import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isConnectionError, isTimeoutError } from '../../server/src/neo4j/errors.ts';

/** As the driver makes them (its GQL status is beside the point here). */
const driverError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('Neo4j error kinds', () => {
  it('takes a server lost during login (a ProtocolError by then) for an outage, not a bug', () => {
    const lost = driverError('Failed to connect to server. Please ensure … Caused by: read ECONNRESET', 'ProtocolError');
    expect(isConnectionError(lost)).toBe(true);
    expect(isConnectionError(driverError('Unknown message 0x7f', 'ProtocolError'))).toBe(false);
  });

  it('knows the outage codes and the timeout codes apart', () => {
    expect(isConnectionError(driverError('Failed to connect to server.', 'ServiceUnavailable'))).toBe(true);
    expect(isConnectionError(driverError('Database neo4j is unavailable.', 'Neo.TransientError.General.DatabaseUnavailable'))).toBe(true);
    const timedOut = driverError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
    expect(isTimeoutError(timedOut)).toBe(true);
    expect(isConnectionError(timedOut)).toBe(false);
    expect(isConnectionError(new Error('Failed to connect to server.'))).toBe(false);
  });
});
