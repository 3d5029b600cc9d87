import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { computeNeighbourhood } from './connections.ts';
import { HUB_RANKING, rankHubs } from './hub-ranking.ts';

/**
 * What the end of an import, a delete or a layer upgrade does for the hubs: rank their links
 * (hub-ranking.ts), then store each hub's neighbourhood as `connections` answers it by default
 * (connections.ts, STORED_NEIGHBOURHOOD). Reading a hub's neighbourhood walks tens of thousands of
 * links (60–120 ms on the 100,000-article collection); the stored one is a property read. It stays
 * exact because every write moves the layer's generation (connections/bump-generation) and a stored
 * neighbourhood is read only while it carries the current one: between an import's batches, or while
 * another import runs, hubs are read live.
 */
export async function upkeepHubs(graph: Graph, ranking = HUB_RANKING): Promise<{ ranked: number; stored: number }> {
  const ranked = await rankHubs(graph, ranking);
  return { ranked, stored: await storeNeighbourhoods(graph) };
}

/** Hubs computed at once: Neo4j, idle once the import's writes are done, answers two reads side by side. */
const PARALLEL = 2;

/** Stores the neighbourhood of every hub that lacks one of the current generation; how many it stored. */
export async function storeNeighbourhoods(graph: Graph): Promise<number> {
  const [todo] = await graph.read<{ generation: number; ids: string[] }>(cypher('connections/hubs-to-store'));
  if (!todo) return 0;
  const queue = [...todo.ids];
  let stored = 0;
  let moved = false;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined && !moved; id = queue.shift()) {
      const neighbourhood = JSON.stringify(await computeNeighbourhood(graph, id));
      const [row] = await graph.write<{ generation: number; stored: number }>(cypher('connections/store-neighbourhood'), {
        id,
        generation: todo.generation,
        neighbourhood,
      });
      // A write has moved the generation on: what is left would be stale too.
      if (row?.generation !== todo.generation) moved = true;
      else stored += row.stored;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return stored;
}
