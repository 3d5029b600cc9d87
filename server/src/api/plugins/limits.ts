import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';

/**
 * Query limits from graphql-armor: depth, cost, aliases and directives are capped so that one
 * request cannot ask the database for the whole graph many times over.
 */
export function useQueryLimits(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 2_000 },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().plugins as Plugin[];
}
