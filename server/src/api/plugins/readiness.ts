import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/db.ts';

/** /ready answers 200 only when Neo4j answers, 503 with the reason otherwise. (/health is Yoga's own.) */
const PING_TIMEOUT_MS = 3_000;

export function useNeo4jReadiness(graph: Graph): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () => {
      try {
        // A probe must answer quickly even when the driver would wait long for a connection.
        await Promise.race([
          graph.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS).unref()),
        ]);
        return true;
      } catch (error) {
        return new Response(JSON.stringify({ ready: false, reason: `Neo4j: ${(error as Error).message}` }), {
          status: 503,
          headers: { 'content-type': 'application/json' },
        });
      }
    },
  });
}
