import fs from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { connectionResolvers } from './resolvers/connections.ts';
import { listingResolvers } from './resolvers/listings.ts';
import { pathResolvers } from './resolvers/paths.ts';
import { relatedResolvers } from './resolvers/related.ts';
import { timelineResolvers } from './resolvers/timeline.ts';
import { resolvers } from './resolvers.ts';

/**
 * The SDL: the core in schema.graphql, each further domain in schema/<domain>.graphql (extending
 * Query). Found by going up to server/ and down to src/ again, so that the compiled copy
 * (server/dist/api) reads the same files.
 */
const core = new URL('../../src/api/schema.graphql', import.meta.url);
const domains = new URL('../../src/api/schema/', import.meta.url);
const typeDefs = [
  fs.readFileSync(core, 'utf8'),
  ...fs
    .readdirSync(domains)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(new URL(name, domains), 'utf8')),
];

export const schema = makeExecutableSchema({ typeDefs, resolvers: [resolvers, connectionResolvers, listingResolvers, pathResolvers, relatedResolvers, timelineResolvers] });
