import fs from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { resolvers } from './resolvers.ts';

// Up to server/ and down to src/ again, so that the compiled copy (server/dist/api) reads it too.
const typeDefs = fs.readFileSync(new URL('../../src/api/schema.graphql', import.meta.url), 'utf8');

export const schema = makeExecutableSchema({ typeDefs, resolvers });
