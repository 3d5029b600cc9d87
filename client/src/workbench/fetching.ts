/** What the workbench asks the server for: around a node (capped), or exactly some nodes (a restored view). */
import type { ConnectionType, EntityType, Subgraph } from '@guanxi/shared';
import { connections, neighborhood } from '../api/queries.ts';
import type { ViewMode } from './viewState.ts';

export interface ExpandOptions {
  types?: EntityType[];
  relTypes?: ConnectionType[];
  /** Neighbours to ask for (the cap grows by EXPAND_CAP each time "+N more" is clicked). */
  limit?: number;
}

/** The node and its strongest `limit` neighbours; `totalNodes` (connections view) says how many there are. */
export function fetchAround(mode: ViewMode, id: string, limit: number, options: ExpandOptions): Promise<Subgraph & { totalNodes?: number }> {
  return mode === 'connections'
    ? connections([id], 1, limit + 1, undefined, { types: options.types ?? null, relTypes: options.relTypes ?? null })
    : neighborhood([id], 1, limit + 1, undefined, options.types ?? null);
}

/** Exactly these nodes and the links among them (`depth: 0`). */
export async function fetchExactly(mode: ViewMode, ids: string[]): Promise<Subgraph> {
  const merged: Subgraph = { nodes: [], edges: [], truncated: false };
  // One call holds up to 2,000 ids; a bigger view loses the links between its chunks.
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000);
    const graph = mode === 'connections' ? await connections(chunk, 0, 2000) : await neighborhood(chunk, 0, chunk.length);
    merged.nodes.push(...graph.nodes);
    merged.edges.push(...graph.edges);
  }
  return merged;
}

/** Around several nodes at once: what a switch of view redraws. */
export function fetchAroundAll(mode: ViewMode, ids: string[], limit: number): Promise<Subgraph> {
  return mode === 'connections' ? connections(ids, 1, limit) : neighborhood(ids, 1, limit);
}
