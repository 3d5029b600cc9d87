import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/db.ts';

/** /ready answers 200 only when Neo4j answers, 503 with the reason otherwise. (/health is Yoga's own.) */
export function useNeo4jReadiness(graph: Graph): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () => {
      try {
        await graph.ping();
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
