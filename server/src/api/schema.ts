import fs from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { connectionResolvers } from './resolvers/connections.ts';
import { resolvers } from './resolvers.ts';

/** The SDL: the core in schema.graphql, each further domain in schema/<domain>.graphql (extending Query). */
const core = new URL('./schema.graphql', import.meta.url);
const domains = new URL('./schema/', import.meta.url);
const typeDefs = [
  fs.readFileSync(core, 'utf8'),
  ...fs
    .readdirSync(domains)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(new URL(name, domains), 'utf8')),
];

export const schema = makeExecutableSchema({ typeDefs, resolvers: [resolvers, connectionResolvers] });
