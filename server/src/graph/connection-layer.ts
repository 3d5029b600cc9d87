import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { log } from '../log.ts';
import { HUB_RANKING, markAllHubs, rankHubs } from './hub-ranking.ts';
import { storeNeighbourhoods } from './hub-upkeep.ts';

/**
 * Builds the connection layer of a database imported before it existed (or by another version of
 * it), from the mentions already stored: imports keep it exact from then on. Version 2 adds the
 * articles' sortDate (listings newest first); version 3 keys each link by its pair (a unique
 * index); version 4 links only entities that share a sentence and ranks the neighbours of hubs
 * (hub-ranking.ts); version 5 recounts the links that an upgrade to 4 kept with the articles and
 * dates of the older definition; version 6 keeps a link's evidence samples as joined strings, not
 * lists (co-mentions.ts, SAMPLE_SEPARATOR); version 7 stores each hub's neighbourhood (hub-upkeep.ts).
 * A layer of version 2 to 6 is upgraded in place, no rebuild. Batch
 * by batch, each in a transaction of its own, so a large collection needs no large transaction.
 */
export const CONNECTION_LAYER_VERSION = 7;

/** The last version whose links' or entities' counts differ from today's: upgrades past it change no count. */
const LAST_RECOUNTED_VERSION = 4;
const countsChange = (from: number | null) => from === null || from <= LAST_RECOUNTED_VERSION;

/** Sentences kept on a connection as its evidence; the rest are a query away (the mentions). */
export const CONNECTION_EVIDENCE = 5;
const BATCH = 500;

export async function ensureConnectionLayer(graph: Graph, onProgress?: (done: number, what: string) => void): Promise<boolean> {
  const [state] = await graph.read<{ version: number | null; hasArticles: boolean }>(cypher('connections/layer-version'));
  if (state?.version === CONNECTION_LAYER_VERSION) return false;
  if (state?.hasArticles && state.version !== null && state.version >= 2 && state.version < CONNECTION_LAYER_VERSION) {
    if (state.version < 6) log.warn('upgrading the links of the connection layer (once, after an upgrade)');
    await upgradeLinks(graph, state.version, onProgress);
  } else if (state?.hasArticles) {
    log.warn('building the connection layer from the stored mentions (once, after an upgrade)');
    await rebuildConnectionLayer(graph, onProgress);
  }
  // An upgrade that changes no count (5 to 6 joins the samples) leaves hubs as they were ranked.
  if (state?.hasArticles && countsChange(state.version)) {
    await markAllHubs(graph);
    await rankHubs(graph);
  }
  await graph.write(cypher('connections/set-layer-version'), { version: CONNECTION_LAYER_VERSION });
  // After the version's node exists: the stored neighbourhoods carry its generation.
  if (state?.hasArticles) await storeNeighbourhoods(graph);
  return Boolean(state?.hasArticles);
}

export async function rebuildConnectionLayer(graph: Graph, onProgress?: (done: number, what: string) => void): Promise<void> {
  for (;;) {
    const [row] = await graph.write<{ deleted: number }>(cypher('connections/clear'), { first: 10_000 });
    if (!row || row.deleted === 0) break;
  }
  for (;;) {
    const [row] = await graph.write<{ updated: number }>(cypher('connections/set-sort-dates'), { first: 10_000 });
    if (!row || row.updated === 0) break;
  }
  let done = 0;
  for await (const ids of pages(graph, 'connections/article-ids-page')) {
    await graph.writeTransaction(async (tx) => {
      await tx.run(cypher('connections/add'), { ids, evidence: CONNECTION_EVIDENCE });
      await tx.run(cypher('entities/note-seen'), { ids });
    });
    onProgress?.((done += ids.length), 'articles');
  }
  done = 0;
  for await (const ids of pages(graph, 'connections/entity-ids-page')) {
    await graph.write(cypher('entities/refresh'), { ids, ...HUB_RANKING });
    onProgress?.((done += ids.length), 'entities');
  }
}

/**
 * Keys the links of version 2, drops the links without a shared sentence (2, 3), recounts the
 * links' articles and dates to the current definition (2 to 4), joins their samples (2 to 5), then
 * recounts the entities' counts (2 to 4).
 */
async function upgradeLinks(graph: Graph, from: number, onProgress?: (done: number, what: string) => void): Promise<void> {
  // 6 to 7 only adds the hubs' stored neighbourhoods, which ensureConnectionLayer stores.
  if (from >= 6) return;
  let done = 0;
  for await (const ids of pages(graph, 'connections/entity-ids-page')) {
    await graph.writeTransaction(async (tx) => {
      if (from === 2) await tx.run(cypher('connections/key-pairs'), { ids });
      if (from <= 3) await tx.run(cypher('connections/drop-unshared'), { ids });
      if (countsChange(from)) await tx.run(cypher('connections/recount-links'), { ids });
      await tx.run(cypher('connections/join-samples'), { ids });
    });
    onProgress?.((done += ids.length), 'entities');
  }
  if (!countsChange(from)) return;
  done = 0;
  for await (const ids of pages(graph, 'connections/entity-ids-page')) {
    await graph.write(cypher('entities/refresh'), { ids, ...HUB_RANKING });
    onProgress?.((done += ids.length), 'entities');
  }
}

async function* pages(graph: Graph, query: string): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = await graph.read<{ id: string }>(cypher(query), { after, first: BATCH });
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows.at(-1)!.id;
  }
}
