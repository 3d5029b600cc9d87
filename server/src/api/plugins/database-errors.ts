import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { log } from '../../log.ts';
import { QueryTimeoutError, isConnectionError, shortReason } from '../../neo4j/errors.ts';

/** Seconds a client should wait before asking again while Neo4j is away. */
const RETRY_AFTER_S = 5;

/** An outage fails every request: one warning every so often says it, the rest go to debug. */
const WARN_EVERY_MS = 10_000;
let lastWarning = 0;

const NARROW =
  'Ask for less: a smaller maxHops or two closer entities for paths, a smaller depth or limit for connections ' +
  'or neighborhood (or a higher minWeight, fewer types, a maxArticles to leave hubs out), a smaller first, or more specific search text.';

/**
 * Database failures as errors a client can act on, instead of Yoga's masked "Unexpected error."
 * with HTTP 200: Neo4j out of reach is SERVICE_UNAVAILABLE with HTTP 503 and Retry-After (the
 * request can be repeated as is), a read past its timeout is QUERY_TIMEOUT (the request must ask
 * for less). Runs before Yoga's masking, which leaves errors without an original error alone.
 */
export function useDatabaseErrors(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.length) return;
          let changed = false;
          const errors = result.errors.map((error) => {
            const translated = translate(error, args.operationName ?? 'anonymous');
            if (translated !== error) changed = true;
            return translated;
          });
          if (changed) setResult({ ...result, errors });
        },
      };
    },
  };
}

function translate(error: GraphQLError, operation: string): GraphQLError {
  const cause = rootCause(error);
  const where = { path: error.path, nodes: error.nodes, source: error.source ?? undefined, positions: error.positions };
  if (cause instanceof QueryTimeoutError) {
    log.info({ operation, path: error.path, ms: cause.timeoutMs }, 'graphql query timed out');
    return createGraphQLError(`${cause.message} ${NARROW}`, {
      ...where,
      extensions: { code: 'QUERY_TIMEOUT', timeoutMs: cause.timeoutMs },
    });
  }
  if (isConnectionError(cause)) {
    const now = Date.now();
    const level = now - lastWarning >= WARN_EVERY_MS ? 'warn' : 'debug';
    if (level === 'warn') lastWarning = now;
    log[level]({ operation, path: error.path, reason: shortReason(cause) }, 'Neo4j unavailable: answering 503');
    return createGraphQLError('The database is not reachable right now. Try again in a few seconds.', {
      ...where,
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_S) } },
      },
    });
  }
  return error;
}

/** The error a resolver threw, through GraphQL's wrapping (and a DataLoader's, which adds none). */
function rootCause(error: GraphQLError): unknown {
  let cause: unknown = error.originalError;
  for (let i = 0; i < 3 && cause instanceof Error && cause.name === 'GraphQLError'; i++) {
    cause = (cause as GraphQLError).originalError;
  }
  return cause;
}
