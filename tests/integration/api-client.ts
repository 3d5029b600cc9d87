import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from '../../server/src/api/server.ts';
import type { Graph } from '../../server/src/graph/db.ts';

export interface GraphQLResult {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The API server on a free loopback port, and a GraphQL client for it, as the tests use them. */
export async function startApi(graph: Graph) {
  const server: http.Server = createServer({ graph, graphiql: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** The whole answer, errors included. */
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult;
  };

  /** The data, or a thrown error with the messages. */
  const data = async (query: string, variables: Record<string, unknown> = {}): Promise<any> => {
    const result = await gql(query, variables);
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data;
  };

  return { base, gql, data, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type Api = Awaited<ReturnType<typeof startApi>>;
