/**
 * Fuzzing the HTTP server: random paths, methods, headers and bodies, and GraphQL documents random,
 * mutated from real ones, or real ones with hostile arguments. Whatever comes in, the server answers
 * (no 5xx, no masked "Unexpected error." — that is an exception we did not foresee) and is still
 * up afterwards. Budget: see tests/fuzz/budget.ts (`npm run fuzz` for a long campaign).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/src/api/server.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { fuzz, withinMs } from '../fuzz/budget.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');
const CLIENT = path.resolve('tests/fixtures/http/explorer');

interface Reply {
  status: number;
  body: string;
}

let base: { host: string; port: number };

function send(method: string, rawPath: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ ...base, method, path: rawPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const graphql = (query: string, variables?: unknown) =>
  send('POST', '/graphql', { 'content-type': 'application/json' }, JSON.stringify({ query, variables }));

/** A GraphQL answer is fine when it is not a server fault: a 4xx with a reason, or data. */
function expectNoServerFault(reply: Reply, what: string): void {
  expect(reply.status, what).toBeLessThan(500);
  if (!reply.body.startsWith('{')) return;
  const result = JSON.parse(reply.body) as { errors?: { message: string; extensions?: { code?: string } }[] };
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code, `${what}: ${error.message}`).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

const VALID_QUERIES = [
  '{ search(text: "王新亭", first: 5) { id type label score detail } }',
  '{ entity(id: "Person:王新亭") { id name aliases articleCount articles(first: 3) { count sentences article { id title } } positions { title } wrote { id } } }',
  '{ neighborhood(ids: ["Person:王新亭"], depth: 2, limit: 20) { truncated nodes { id type label weight } edges { id source target type } } }',
  '{ paths(from: "Person:王新亭", to: "Person:李颖", maxHops: 4, first: 2, via: ALL) { nodes { id } edges { id type } steps { evidence { sentence } } } }',
  '{ timeline(ids: ["Person:王新亭"], bucket: WEEK) { bucket start count } }',
  '{ connections(ids: ["Person:王新亭"], depth: 2, limit: 30) { truncated nodes { id } edges { id type weight } } }',
  '{ entities(type: Person, orderBy: CONNECTIONS, first: 5) { edges { cursor node { name related(first: 2) { edges { node { id } } } } } pageInfo { endCursor } } }',
  '{ articles(filter: { from: "2020-01-01" }, first: 5) { edges { node { title } } } }',
  '{ stats { articles entities } }',
];

const PATH_CHARS = fc.constantFrom(...'/abc.-_~%0123456789ABCDEFz?&=#+;:@!$\'()*,[]'.split(''));
const pathArbitrary = fc.oneof(
  fc.array(PATH_CHARS, { maxLength: 60 }).map((chars) => `/${chars.join('')}`),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => `/${[...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`),
  fc.constantFrom('/', '/graphql', '/health', '/ready', '/assets/app.js', '/..%2f..%2fetc%2fpasswd', '/%', '/%%', '/graphql?query=%7B', '/graphql?query=%'),
);
const TOKEN = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,20}$/);
const HEADER_VALUE = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);
const CONTENT_TYPES = fc.constantFrom('application/json', 'application/graphql+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=latin1');

/** Small edits a hand-typed or truncated query goes through. */
const mutated = fc
  .tuple(fc.constantFrom(...VALID_QUERIES), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 }))
  .map(([query, edits]) =>
    edits.reduce((text, [at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, query),
  );

const hostileString = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.constantFrom('AND', 'OR NOT', '*', '\\', '"', "' OR 1=1 --", '}) MATCH (n) DETACH DELETE n //', '${x}', '\u0000', '王'.repeat(300), 'a '.repeat(600)),
);
const anyInt = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)));

/** A real query with hostile argument values, sent as variables (as a client would). */
const hostileVariables = fc.oneof(
  fc.record({ q: fc.constant('query($t: String!, $n: Int) { search(text: $t, first: $n) { id } }'), v: fc.record({ t: hostileString, n: anyInt }) }),
  fc.record({ q: fc.constant('query($id: ID!) { entity(id: $id) { id name articles { count } } }'), v: fc.record({ id: hostileString }) }),
  fc.record({
    q: fc.constant('query($ids: [ID!]!, $d: Int, $l: Int) { neighborhood(ids: $ids, depth: $d, limit: $l) { truncated nodes { id } } }'),
    v: fc.record({ ids: fc.array(fc.oneof(hostileString, fc.constant('Person:王新亭')), { maxLength: 5 }), d: anyInt, l: anyInt }),
  }),
  fc.record({
    q: fc.constant('query($a: ID!, $b: ID!, $m: Int, $v: PathVia) { paths(from: $a, to: $b, maxHops: $m, via: $v) { nodes { id } steps { evidence { sentence } } } }'),
    v: fc.record({ a: fc.oneof(hostileString, fc.constant('Person:王新亭')), b: fc.oneof(hostileString, fc.constant('Person:王新亭'), fc.constant('Person:李颖')), m: anyInt, v: fc.constantFrom('ENTITIES', 'ALL') }),
  }),
  fc.record({ q: fc.constant('query($id: ID!) { edge(id: $id) { type evidence { sentence } } }'), v: fc.record({ id: hostileString }) }),
  fc.record({
    q: fc.constant('query($ids: [ID!], $b: TimeBucket, $f: String, $t: String) { timeline(ids: $ids, bucket: $b, from: $f, to: $t) { bucket count } }'),
    v: fc.record({ ids: fc.array(hostileString, { maxLength: 3 }), b: fc.constantFrom('DAY', 'WEEK', 'MONTH', 'YEAR'), f: fc.oneof(hostileString, fc.constant('2020-05')), t: fc.oneof(hostileString, fc.constant(null)) }),
  }),
  fc.record({
    q: fc.constant(
      'query($ids: [ID!]!, $d: Int, $w: Int, $m: Int, $l: Int, $f: String) { connections(ids: $ids, depth: $d, minWeight: $w, maxArticles: $m, limit: $l, from: $f) { truncated totalNodes nodes { id } edges { id } } }',
    ),
    v: fc.record({ ids: fc.array(fc.oneof(hostileString, fc.constant('Person:王新亭')), { maxLength: 4 }), d: anyInt, w: anyInt, m: fc.oneof(anyInt, fc.constant(null)), l: anyInt, f: fc.oneof(hostileString, fc.constant(null)) }),
  }),
  fc.record({
    q: fc.constant('query($n: Int, $a: String, $f: String) { entities(first: $n, after: $a, from: $f) { edges { cursor node { id } } pageInfo { endCursor } } }'),
    v: fc.record({ n: anyInt, a: fc.oneof(hostileString, fc.constant(null)), f: fc.oneof(hostileString, fc.constant(null)) }),
  }),
  fc.record({
    q: fc.constant('query($t: String, $ids: [ID!], $s: String, $a: String) { articles(filter: { text: $t, entityIds: $ids, source: $s }, after: $a) { edges { node { id } } } }'),
    v: fc.record({ t: fc.oneof(hostileString, fc.constant(null)), ids: fc.array(hostileString, { maxLength: 3 }), s: fc.oneof(hostileString, fc.constant(null)), a: fc.oneof(hostileString, fc.constant(null)) }),
  }),
  fc.record({
    q: fc.constant('query($id: ID!, $n: Int, $a: String) { entity(id: $id) { related(first: $n, after: $a) { edges { node { id } articles { id } } } } }'),
    v: fc.record({ id: fc.oneof(hostileString, fc.constant('Person:王新亭')), n: anyInt, a: fc.oneof(hostileString, fc.constant(null)) }),
  }),
);

describe('fuzzing the HTTP server', () => {
  let graph: Graph;
  let server: http.Server;

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    await runImport(graph, readInputs([SAMPLE]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
    server = createServer({ graph, graphiql: false, clientDir: CLIENT });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
  });
  afterAll(async () => {
    server.close();
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  const stillUp = async () => expect((await send('GET', '/health', {})).status).toBe(200);

  it('answers random paths without a server fault', async () => {
    await fuzz('http: paths', fc.asyncProperty(pathArbitrary, fc.constantFrom('GET', 'HEAD'), async (rawPath, method) => {
      const reply = await withinMs(10_000, `${method} ${rawPath}`, () => send(method, rawPath, {}));
      expect(reply.status, rawPath).toBeLessThan(500);
    }), 300);
    await stillUp();
  });

  it('answers random methods, headers and bodies without a server fault', async () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      path: fc.constantFrom('/graphql', '/', '/health', '/ready', '/assets/app.js'),
      headers: fc.dictionary(TOKEN, HEADER_VALUE, { maxKeys: 6 }),
      contentType: CONTENT_TYPES,
      body: fc.oneof(fc.string({ maxLength: 500 }), fc.json(), fc.constant('{"query":"{ stats { articles } }"}')),
    });
    await fuzz('http: methods, headers, bodies', fc.asyncProperty(request, async ({ method, path: rawPath, headers, contentType, body }) => {
      const sent = { ...headers, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) };
      const reply = await withinMs(10_000, `${method} ${rawPath}`, () => send(method, rawPath, sent, body));
      expectNoServerFault(reply, `${method} ${rawPath} ${body.slice(0, 80)}`);
    }), 300);
    await stillUp();
  });

  it('answers random and mutated GraphQL documents with errors that say what is wrong', async () => {
    await fuzz('graphql: random and mutated documents', fc.asyncProperty(fc.oneof(mutated, fc.string({ maxLength: 200 })), async (query) => {
      const reply = await withinMs(10_000, query, () => graphql(query));
      expectNoServerFault(reply, query);
    }), 300);
    await stillUp();
  });

  it('answers real queries with hostile arguments without a server fault, and changes nothing', async () => {
    const before = await graphql('{ stats { articles entities } }');
    // Found by a campaign: Neo4j's shortest-path search refuses a path from a node to itself.
    const selfPath = { a: 'Person:王新亭', b: 'Person:王新亭', m: 1 };
    expectNoServerFault(await graphql('query($a: ID!, $b: ID!, $m: Int) { paths(from: $a, to: $b, maxHops: $m, via: ALL) { nodes { id } } }', selfPath), 'path to itself');
    await fuzz('graphql: hostile arguments', fc.asyncProperty(hostileVariables, async ({ q, v }) => {
      const reply = await withinMs(10_000, JSON.stringify(v).slice(0, 200), () => graphql(q, v));
      expectNoServerFault(reply, `${q} ${JSON.stringify(v).slice(0, 200)}`);
    }), 300);
    expect(await graphql('{ stats { articles entities } }')).toEqual(before);
    await stillUp();
  });
});
