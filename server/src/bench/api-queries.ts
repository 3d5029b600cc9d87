import http from 'node:http';
import { CONNECTION_TYPES } from '@guanxi/shared';
import type { Driver, ProfiledPlan } from 'neo4j-driver';
import { cypher } from '../graph/cypher.ts';
import { narrows, rankedRead, STORED_NEIGHBOURHOOD } from '../graph/connections.ts';
import { HUB_SCAN, hopBudget } from '../graph/explore.ts';
import { searchParams } from '../graph/search.ts';

/**
 * Each API query measured twice: as a GraphQL request over HTTP, and as the Cypher statements its
 * resolvers run (the same files, parameters and sequence) sent straight through the driver. The
 * difference is what the GraphQL layer costs: HTTP, parsing, validation, resolvers, loaders.
 */

type Row = Record<string, unknown>;
type Params = Record<string, unknown>;

/**
 * When set, every statement runs under PROFILE and its plan is handed here: where a slow query's
 * time goes, from the very statements and parameters that were timed.
 */
export const profiling: { sink: ((query: string, plan: ProfiledPlan) => void) | null } = { sink: null };

/** One statement in its own session and read transaction, as graph/db.ts's Graph.read runs it. */
export async function read<T = Row>(driver: Driver, query: string, params: Params = {}, database?: string): Promise<T[]> {
  const session = driver.session({ database });
  const sink = profiling.sink;
  try {
    return await session.executeRead(async (tx) => {
      const result = await tx.run(sink ? `PROFILE\n${query}` : query, params);
      if (sink && result.summary.profile) sink(query, result.summary.profile);
      return result.records.map((r) => r.toObject() as T);
    });
  } finally {
    await session.close();
  }
}

export interface ApiQuery {
  name: string;
  graphql: { query: string; variables: Params };
  driver: (driver: Driver) => Promise<unknown>;
}

export function searchQuery(name: string, text: string): ApiQuery {
  return {
    name,
    graphql: { query: 'query($t: String!) { search(text: $t, first: 20) { id type label score detail } }', variables: { t: text } },
    async driver(driver) {
      // graph/search.ts: entities, then articles to fill the page, with the same parameters.
      const params = searchParams(text, 20, null);
      const entities = await read(driver, cypher('api/search-entities'), params.entities);
      if (entities.length < 20) await read(driver, cypher('api/search-articles'), { ...params.articles, first: 20 - entities.length });
    },
  };
}

const ENTITY = `query($id: ID!) { entity(id: $id) {
  id type name aliases articleCount connectionCount firstSeen lastSeen
  articles(first: 20) { count sentences article { id title date source } }
  positions { title asOf dates evidence statements organization { id name } }
} }`;

export function entityQuery(name: string, id: string): ApiQuery {
  return {
    name,
    graphql: { query: ENTITY, variables: { id } },
    async driver(driver) {
      // The entity loader, then its articles and positions side by side, each followed by its loader.
      await read(driver, cypher('api/entities-by-id'), { ids: [id] });
      await Promise.all([
        (async () => {
          const rows = await read<{ articleId: string }>(driver, cypher('api/entity-articles'), { id, first: 20 });
          if (rows.length > 0) await read(driver, cypher('api/articles-by-id'), { ids: rows.map((r) => r.articleId) });
        })(),
        (async () => {
          const rows = await read<{ organizationId: string }>(driver, cypher('api/entity-positions'), { id });
          const orgs = [...new Set(rows.map((r) => r.organizationId))];
          if (orgs.length > 0) await read(driver, cypher('api/entities-by-id'), { ids: orgs });
        })(),
      ]);
    },
  };
}

const CONNECTIONS = `query($ids: [ID!]!, $depth: Int!, $limit: Int!) { connections(ids: $ids, depth: $depth, limit: $limit) {
  nodes { id type label weight } edges { id source target type label weight articles firstDate lastDate } truncated totalNodes
} }`;

export function connectionsQuery(name: string, id: string, depth: number, limit = 200): ApiQuery {
  return {
    name,
    graphql: { query: CONNECTIONS, variables: { ids: [id], depth, limit } },
    async driver(driver) {
      // graph/connections.ts: a hub's stored neighbourhood and its nodes; else expand hop by hop,
      // then nodes and the edges among them side by side.
      if (depth === 1 && limit <= STORED_NEIGHBOURHOOD) {
        const [stored] = await read<{ neighbourhood: string }>(driver, cypher('connections/stored-neighbourhood'), { id });
        if (stored) {
          const { ids } = JSON.parse(stored.neighbourhood) as { ids: string[] };
          await read(driver, cypher('api/nodes'), { ids: ids.slice(0, limit) });
          return;
        }
      }
      const filters = { types: null, relTypes: [...CONNECTION_TYPES], minWeight: 1, maxArticles: null, from: null, to: null };
      const seen = new Set([id]);
      let frontier = [id];
      for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
        const room = hopBudget(limit - seen.size, depth - hop);
        const [row] = await read<{ ids: string[] }>(driver, cypher('connections/expand'), {
          ...filters, ids: frontier, exclude: [...seen], limit: Math.max(room, 0), scan: HUB_SCAN, ranked: rankedRead(room, frontier.length, narrows(filters) ? 'filtered' : seen.size),
        });
        frontier = row?.ids ?? [];
        for (const next of frontier) seen.add(next);
      }
      const ids = [...seen];
      await Promise.all([read(driver, cypher('api/nodes'), { ids }), read(driver, cypher('connections/among'), { ids, ...filters })]);
    },
  };
}

export function pathsQuery(name: string, from: string, to: string): ApiQuery {
  return {
    name,
    graphql: {
      query: 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, first: 5) { length nodes { id type label } edges { id source target type } } }',
      variables: { a: from, b: to },
    },
    async driver(driver) {
      const rows = await read<{ ids: string[] }>(driver, cypher('api/paths-entities'), { from, to, first: 5 });
      await read(driver, cypher('api/nodes'), { ids: [...new Set(rows.flatMap((r) => r.ids))] });
    },
  };
}

export function timelineQuery(name: string, ids: string[]): ApiQuery {
  return {
    name,
    graphql: { query: 'query($ids: [ID!]) { timeline(ids: $ids, bucket: MONTH) { bucket start count } }', variables: { ids } },
    driver: (driver) => read(driver, cypher(ids.length > 0 ? 'api/timeline-of' : 'api/timeline-all'), { ids, from: '0', to: '\uffff' }),
  };
}

// node:http with kept-alive sockets rather than fetch: undici's fetch costs the client ~0.3 ms of CPU
// a request more, on the same two cores as the server it measures.
const agent = new http.Agent({ keepAlive: true });

/** A GraphQL request over HTTP; throws on a transport error or any GraphQL error. */
export async function postGraphql(url: string, body: ApiQuery['graphql']): Promise<unknown> {
  const payload = JSON.stringify(body);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const json = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
  if (status !== 200 || json.errors) throw new Error(`GraphQL ${status}: ${json.errors?.map((e) => e.message).join('; ') ?? ''}`);
  return json.data;
}
