import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/**
 * A hub's neighbours, ranked ahead of time. An entity with tens of thousands of links (纪委, a city
 * named in every article) cannot have them all read and sorted on each expansion, so entities above
 * `rankFrom` links keep the ids of their strongest `keep` neighbours (`topLinks`, strongest first)
 * and `connections/expand` starts from those. Writes mark the hubs they touch (label
 * LinksUnranked, set by entities/refresh); `rankHubs` re-ranks them at the end of an import or a
 * delete, so between two batches of one import a hub's list may trail its links by a batch or two.
 */
export const HUB_RANKING = { rankFrom: 1_000, keep: 2_000 };

/** Hubs re-ranked per transaction: each reads all its links once. */
const BATCH = 20;

export async function rankHubs(graph: Graph, ranking = HUB_RANKING): Promise<number> {
  let ranked = 0;
  for (;;) {
    const [row] = await graph.write<{ ranked: number }>(cypher('connections/rank-hubs'), { ...ranking, batch: BATCH });
    if (!row || row.ranked === 0) break;
    ranked += row.ranked;
  }
  // A new ranking changes what a hub's stored neighbourhood would hold (graph/hub-upkeep.ts).
  if (ranked > 0) await graph.write(cypher('connections/bump-generation'));
  return ranked;
}

/** Marks every hub, and every entity ranked before, for ranking: a layer that predates the rankings. */
export async function markAllHubs(graph: Graph, ranking = HUB_RANKING): Promise<void> {
  await graph.write(cypher('connections/mark-hubs'), ranking);
}
