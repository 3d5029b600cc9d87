import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Query limits from graphql-armor: depth, cost, aliases, directives and tokens are capped so that
 * one request cannot ask the database for the whole graph many times over. Armor words its
 * rejections as "Syntax Error: …", which misleads whoever sent a valid but too large query; the
 * rejection is re-thrown with the limit's own words and a code a client can branch on.
 */
export function useQueryLimits({ suggestions }: { suggestions: boolean }): Plugin[] {
  const onReject = [rethrowAsLimitError];
  const armor = new EnvelopArmor({
    maxDepth: { n: 10, onReject },
    costLimit: { maxCost: 20_000, onReject },
    maxAliases: { n: 20, onReject },
    maxDirectives: { n: 20, onReject },
    maxTokens: { n: 2_000, onReject },
    // "Did you mean …?" lists fields to whoever guesses; only where introspection is on anyway.
    blockFieldSuggestion: { enabled: !suggestions },
  });
  return armor.protect().plugins as Plugin[];
}

function rethrowAsLimitError(_context: unknown, error: GraphQLError): never {
  const limit = error.message.replace(/^Syntax Error: /, '');
  throw createGraphQLError(`Query too large: ${limit} Ask for fewer fields, aliases or nested levels.`, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
  });
}
