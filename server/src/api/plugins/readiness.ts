import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Graph } from '../../graph/db.ts';
import { shortReason } from '../../neo4j/errors.ts';

/**
 * /ready answers 200 only when Neo4j answers a read, naming which Neo4j and its version; 503 with
 * the reason otherwise. (/health is Yoga's own.)
 */
const PING_TIMEOUT_MS = 3_000;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

export function useNeo4jReadiness(graph: Graph): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () => {
      const neo4j = graph.options.name;
      try {
        // A probe must answer quickly even when the driver would wait long for a connection.
        const [, info] = await Promise.race([
          Promise.all([graph.ping(), graph.serverInfo()]),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS).unref(),
          ),
        ]);
        return json(200, { ready: true, neo4j, version: info.agent });
      } catch (error) {
        return json(503, { ready: false, neo4j, reason: `Neo4j: ${shortReason(error)}` });
      }
    },
  });
}
