import type { Graph } from '../graph/db.ts';
import type { Loaders } from './loaders.ts';

/** What every resolver gets: the graph, the request's DataLoaders, and the configured limits. */
export interface ApiContext {
  graph: Graph;
  loaders: Loaders;
  search: SearchLimits;
}

/** How much text one search may carry: full-text engines turn every term into a clause. */
export interface SearchLimits {
  maxChars: number;
  maxTerms: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxChars: 200, maxTerms: 32 };
