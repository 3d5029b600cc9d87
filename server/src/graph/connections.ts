import { CONNECTION_TYPES, type ConnectionType, type EntityType, type GraphEdge, type GraphNode } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { HUB_RANKING } from './hub-ranking.ts';
import { HUB_SCAN, hopBudget, nodes, toEdges, type DateWindow } from './explore.ts';

/** Who is connected to whom: the entity graph around some entities, without article nodes. */

export interface ConnectionQuery extends DateWindow {
  ids: string[];
  depth: number;
  /** Entity types to keep (null: all). */
  types: EntityType[] | null;
  /** Link types to follow (null: all). */
  relTypes: ConnectionType[] | null;
  /** Least co-mention weight (sentences naming both) to follow or show. */
  minWeight: number;
  /** Leave out entities named in more articles than this (hubs); null keeps all. */
  maxArticles: number | null;
  /** Most nodes in the answer, the given ones included. */
  limit: number;
}

export interface ConnectionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when `limit` cut the answer or a hub's links were sampled. */
  truncated: boolean;
  /** How many entities matched before `limit` cut them (a sampled hub's unread links not counted). */
  totalNodes: number;
}

export async function connections(graph: Graph, query: ConnectionQuery): Promise<ConnectionGraph> {
  const stored = servedFromStore(query) ? await storedNeighbourhood(graph, query.ids[0]!, query.limit) : null;
  const reach = stored ?? (await reachOf(graph, query));
  const [found, edges] = await Promise.all([
    nodes(graph, reach.ids),
    stored ? stored.edges : connectionEdges(graph, reach.ids, filtersOf(query)),
  ]);
  return { nodes: found, edges, truncated: reach.truncated, totalNodes: reach.totalNodes };
}

/** The entities a query reaches, the given ones first and then hop by hop, strongest first. */
interface Reach {
  ids: string[];
  truncated: boolean;
  totalNodes: number;
}

function filtersOf(query: ConnectionQuery) {
  return {
    types: query.types,
    relTypes: query.relTypes ?? [...CONNECTION_TYPES],
    minWeight: query.minWeight,
    maxArticles: query.maxArticles,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}

async function reachOf(graph: Graph, query: ConnectionQuery): Promise<Reach> {
  const filters = filtersOf(query);
  const seen = new Set(query.ids);
  let frontier = query.ids;
  let truncated = false;
  let totalNodes = seen.size;
  for (let hop = 0; hop < query.depth && frontier.length > 0; hop++) {
    const room = hopBudget(query.limit - seen.size, query.depth - hop);
    const [row] = await graph.read<{ total: number; ids: string[]; sampled: string[] }>(cypher('connections/expand'), {
      ...filters,
      ids: frontier,
      exclude: [...seen],
      limit: Math.max(room, 0),
      scan: HUB_SCAN,
      ranked: rankedRead(room, frontier.length, narrows(filters) ? 'filtered' : seen.size),
    });
    const found = row ?? { total: 0, ids: [], sampled: [] };
    totalNodes += found.total;
    if (found.total > found.ids.length || found.sampled.length > 0) truncated = true;
    frontier = found.ids;
    for (const id of frontier) seen.add(id);
  }
  return { ids: [...seen], truncated, totalNodes };
}

/**
 * Hubs keep their neighbourhood, as this query answers it for one entity at depth 1 without
 * filters and `limit` STORED_NEIGHBOURHOOD (graph/hub-upkeep.ts stores it at the end of each import
 * or delete): a hub's walks over tens of thousands of links took 60–120 ms a request. A smaller
 * limit takes the strongest of the stored nodes and the edges among them.
 */
export const STORED_NEIGHBOURHOOD = 200;

/** What a hub keeps: the reach of the query above and the packed rows of connections/among. */
export interface StoredNeighbourhood extends Reach {
  edges: PackedEdge[];
}

function servedFromStore(query: ConnectionQuery): boolean {
  return query.depth === 1 && query.ids.length === 1 && query.limit <= STORED_NEIGHBOURHOOD && !narrows(filtersOf(query));
}

async function storedNeighbourhood(graph: Graph, id: string, limit: number): Promise<(Reach & { edges: GraphEdge[] }) | null> {
  const [row] = await graph.read<{ neighbourhood: string }>(cypher('connections/stored-neighbourhood'), { id });
  if (!row) return null;
  const stored = JSON.parse(row.neighbourhood) as StoredNeighbourhood;
  const ids = stored.ids.slice(0, Math.max(limit, 1));
  const kept = new Set(ids);
  const edges = stored.edges.filter(([source, , target]) => kept.has(source) && kept.has(target));
  return {
    ids,
    truncated: stored.truncated || stored.ids.length > ids.length,
    totalNodes: stored.totalNodes,
    edges: toEdges(unpack(edges)),
  };
}

/** A hub's neighbourhood computed afresh, as hub-upkeep.ts stores it. */
export async function computeNeighbourhood(graph: Graph, id: string): Promise<StoredNeighbourhood> {
  const query: ConnectionQuery = {
    ids: [id], depth: 1, types: null, relTypes: null, minWeight: 1, maxArticles: null, limit: STORED_NEIGHBOURHOOD,
  };
  const reach = await reachOf(graph, query);
  const [row] = await graph.read<{ edges: PackedEdge[] }>(cypher('connections/among'), { ids: reach.ids, ...filtersOf(query) });
  return { ...reach, edges: row?.edges ?? [] };
}

/**
 * How far down each hub's ranking a hop reads. With filters that may drop any of the ranked
 * neighbours: four times the room left, shared out over the frontier (a second hop from a hub starts
 * from a hundred hubs, and reading 500 of each one's neighbours by key, 50,000 seeks for 99 nodes,
 * took seconds). Without them (`seen`: how many nodes the hop must skip) the ranking is in the very
 * order the hop sorts by, so the room left and the nodes seen are enough, and a quarter more for
 * rankings that an import still running has not refreshed yet (rankHubs runs at its end): on a hub's
 * first hop, 250 reads instead of 800, 17 ms down to 7, the same neighbours.
 */
export function rankedRead(room: number, frontier = 1, seen: number | 'filtered' = 'filtered'): number {
  const share = Math.ceil((4 * room) / frontier);
  const least = Math.max(50, Math.ceil(500 / frontier));
  const filtered = Math.min(HUB_RANKING.keep, Math.max(share, least));
  if (seen === 'filtered') return filtered;
  return Math.min(filtered, Math.ceil((1.25 * room) / frontier) + seen);
}

/** Whether a hop's filters can leave out neighbours that a hub's ranking (graph/hub-ranking.ts) counts. */
export function narrows(filters: {
  types: EntityType[] | null;
  relTypes: ConnectionType[];
  minWeight: number;
  maxArticles: number | null;
  from: string | null;
  to: string | null;
}): boolean {
  return (
    filters.types !== null ||
    new Set(filters.relTypes).size < CONNECTION_TYPES.length ||
    filters.minWeight > 1 ||
    filters.maxArticles !== null ||
    filters.from !== null ||
    filters.to !== null
  );
}

export type EdgeRow = {
  source: string;
  type: ConnectionType;
  target: string;
  weight: number;
  articles: number;
  titles: string[];
  firstDate: string | null;
  lastDate: string | null;
};

async function connectionEdges(
  graph: Graph,
  ids: string[],
  filters: { relTypes: ConnectionType[]; minWeight: number; from: string | null; to: string | null },
): Promise<GraphEdge[]> {
  if (ids.length === 0) return [];
  return toEdges(await edgesAmong(graph, { ids, ...filters }));
}

type PackedEdge = [string, ConnectionType, string, number, number, string[], string | null, string | null];

/** connections/among's edges, which it returns as one row of lists, as rows. */
export async function edgesAmong(
  graph: Graph,
  params: { ids: string[]; relTypes: ConnectionType[]; minWeight: number; from: string | null; to: string | null },
): Promise<EdgeRow[]> {
  const [row] = await graph.read<{ edges: PackedEdge[] }>(cypher('connections/among'), params);
  return unpack(row?.edges ?? []);
}

function unpack(edges: PackedEdge[]): EdgeRow[] {
  return edges.map(([source, type, target, weight, articles, titles, firstDate, lastDate]) => ({
    source, type, target, weight, articles, titles, firstDate, lastDate,
  }));
}
