import os from 'node:os';
import { parseArgs } from 'node:util';
import { cypher } from '../graph/cypher.ts';
import { defaultWorkers } from '../importer/pool.ts';
import { collectionDir, ensureCollection, openDb, type BenchDb } from './api-collection.ts';
import { importComparison } from './api-import.ts';
import { profile } from './api-profile.ts';
import { writeCosts } from './api-writes.ts';
import { measure, startInProcessServer, startServer, type Latency } from './api-latency.ts';
import { searchLoad } from './api-load.ts';
import { connectionsQuery, entityQuery, pathsQuery, postGraphql, read, searchQuery, timelineQuery, type ApiQuery } from './api-queries.ts';

/**
 * npm run bench:api [-- --articles 100000 --rebuild --requests 200 --warmup 300 --warmup-seconds 5 --query-seconds 30
 *   --load-seconds 20 --clients 50 --import-articles 5000 --rounds 3 --build-only --parts latency,load,profile,import,writes --only TEXT]
 *
 * The connection API on a generated collection: its build, each API query through GraphQL beside
 * the same Cypher through the driver, the server under load, and the import with and without the
 * connection layer. See docs/benchmarks.md.
 */
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    rebuild: { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    // profile: each query's statements once under PROFILE (db hits, costliest operators);
    // writes: the import's write statements timed one by one.
    parts: { type: 'string', default: 'latency,load,profile,import,writes' },
    'query-seconds': { type: 'string', default: '30' },
    requests: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '300' },
    'warmup-seconds': { type: 'string', default: '5' },
    'load-seconds': { type: 'string', default: '20' },
    clients: { type: 'string', default: '50' },
    'import-articles': { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    // Only the queries whose name contains this text (latency and profile).
    only: { type: 'string', default: '' },
  },
});
// The driver side runs in this process, under tsx: without this, every stack the driver captures
// (one a statement, one a commit) is source-mapped, which the product's compiled server never does.
process.setSourceMapsEnabled(false);
const N = Number(args.articles);
const PARTS = new Set(args.parts.split(','));
const log = (line: string) => console.log(line);
const ms = (x: number) => x.toFixed(1);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

type Entity = { id: string; name: string; type: string; connectionCount: number; positions: { title: string }[] };

/** The first of the top ten that `fits`, else the top one. */
async function top(url: string, orderBy: string, type: string | null, fits: (e: Entity) => boolean = () => true): Promise<Entity> {
  const data = (await postGraphql(url, {
    query: 'query($o: EntityOrder, $t: EntityType) { entities(orderBy: $o, type: $t, first: 10) { edges { node { id name type connectionCount positions { title } } } } }',
    variables: { o: orderBy, t: type },
  })) as { entities: { edges: { node: Entity }[] } };
  const nodes = data.entities.edges.map((e) => e.node);
  return nodes.find(fits) ?? nodes[0]!;
}

/** The Person at a fraction of the way up the ranking by connections: an ordinary node, not a hub. */
async function personAt(db: BenchDb, fraction: number) {
  const [{ n }] = (await read<{ n: number }>(db.graph.driver, cypher('bench/api-count-connected'), { type: 'Person' })) as [{ n: number }];
  const [row] = await read<{ id: string; name: string; connections: number }>(db.graph.driver, cypher('bench/api-entity-at-rank'), {
    type: 'Person',
    skip: Math.floor(n * fraction),
  });
  return row!;
}

async function subjects(db: BenchDb, url: string): Promise<ApiQuery[]> {
  const hub = await top(url, 'CONNECTIONS', null);
  // The extractor takes some place names for people (张家口): a person is one who holds a post.
  const person = await top(url, 'MENTIONS', 'Person', (e) => e.positions.length > 0);
  const place = await top(url, 'MENTIONS', 'Place');
  const median = await personAt(db, 0.5);
  const other = await personAt(db, 0.25);
  log(`hub: ${hub.name} (${hub.type}, ${hub.connectionCount} connections); ordinary: ${median.name} (Person, ${median.connections}, the median)`);
  log(`top person by mentions: ${person.name}; top place: ${place.name}; paths: ${median.name} → ${other.name} (${other.connections} connections)`);
  const queries = [
    searchQuery(`search "${median.name}" (full name, median person)`, median.name),
    searchQuery('search "王" (surname)', '王'),
    searchQuery(`search "${place.name}" (place)`, place.name),
    entityQuery(`entity ${person.name} (articles 20, positions)`, person.id),
    connectionsQuery('connections hub, depth 1', hub.id, 1),
    connectionsQuery('connections hub, depth 2', hub.id, 2),
    connectionsQuery('connections median, depth 1', median.id, 1),
    connectionsQuery('connections median, depth 2', median.id, 2),
    pathsQuery(`paths ${median.name} → ${other.name}`, median.id, other.id),
    timelineQuery('timeline all, MONTH', []),
    timelineQuery(`timeline of ${hub.name} (hub)`, [hub.id]),
  ];
  return queries.filter((q) => q.name.includes(args.only));
}

function target(name: string, g: Latency): string {
  if (name.startsWith('search')) return g.p95 <= 20 ? 'p95 ≤ 20 ms: met' : 'p95 ≤ 20 ms: MISSED';
  if (name.includes('depth 1')) return g.p95 <= 30 ? 'p95 ≤ 30 ms: met' : 'p95 ≤ 30 ms: MISSED';
  return '';
}

async function latencies(db: BenchDb, url: string, queries: ApiQuery[]) {
  log(
    `\nlatency: ${args.requests} requests each (fewer if ${args['query-seconds']} s ran out) after ${args.warmup} warm-up (at most ${args['warmup-seconds']} s), ` +
      'one at a time, in turn: GraphQL to the server\'s process, the same server in this process, the driver (ms)',
  );
  log('| query | n | GraphQL p50 / p95 / p99 | in process p50 / p95 | driver p50 / p95 / p99 | ratio at p95 (in process) | target |');
  log('| --- | --- | --- | --- | --- | --- | --- |');
  const inProcess = await startInProcessServer(db.graph);
  const rows = [];
  try {
    for (const q of queries) {
      const { graphql: g, inProcess: p, driver: d, n } = await measure(q, url, inProcess.url, db.graph.driver, {
        requests: Number(args.requests),
        seconds: Number(args['query-seconds']),
        warmup: Number(args.warmup),
        warmupSeconds: Number(args['warmup-seconds']),
      });
      const ratio = g.p95 / d.p95;
      const ratioInProcess = p.p95 / d.p95;
      const targets = [ratio <= 1.3 ? '≤ 1.3×: met' : '≤ 1.3×: MISSED', target(q.name, g)].filter(Boolean).join('; ');
      log(
        `| ${q.name} | ${n} | ${ms(g.p50)} / ${ms(g.p95)} / ${ms(g.p99)} | ${ms(p.p50)} / ${ms(p.p95)} | ${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)} | ` +
          `${ratio.toFixed(2)} (${ratioInProcess.toFixed(2)}) | ${targets} |`,
      );
      rows.push({ name: q.name, n, graphql: g, inProcess: p, driver: d, ratio: Number(ratio.toFixed(2)), ratioInProcess: Number(ratioInProcess.toFixed(2)) });
    }
  } finally {
    await inProcess.stop();
  }
  return rows;
}

async function onCollection(report: Record<string, unknown>) {
  const db = await openDb(collectionDir(N), 27787);
  try {
    const build = await ensureCollection(db, N, args.rebuild, log);
    if (build.reused) log(`collection: reused (${build.articles} articles, ${db.uri})`);
    else {
      const rate = build.articles / build.seconds!;
      log(`collection: built ${build.articles} articles in ${build.seconds!.toFixed(0)} s, ${rate.toFixed(0)} articles/s (${defaultWorkers()} extraction workers)`);
      report.build = { seconds: Math.round(build.seconds!), articlesPerSecond: Math.round(rate) };
    }
    if (args['build-only']) return;
    if (!PARTS.has('latency') && !PARTS.has('load') && !PARTS.has('profile')) return;

    const server = await startServer(db.uri);
    log(`API server: bench/api-server.ts (createServer) in a child process, ${server.url}`);
    try {
      const queries = PARTS.has('latency') || PARTS.has('profile') ? await subjects(db, server.url) : [];
      if (PARTS.has('latency')) report.latency = await latencies(db, server.url, queries);
      if (PARTS.has('profile')) await profile(queries, db.graph.driver, log);
      if (PARTS.has('load')) report.load = await loadRun(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
  }
}

async function loadRun(url: string) {
  const clients = Number(args.clients);
  const seconds = Number(args['load-seconds']);
  log(`\nload: ${clients} clients for ${seconds} s after 15 s unmeasured (autocannon, in this process; the server in its own, with guanxi serve's driver settings), search rotating 4 texts; load average ${load()}`);
  const result = await searchLoad(url, ['王', '李', '发展和改革委员会', '乡村振兴'], clients, seconds);
  const met = result.requestsPerSecond >= 150 && result.p99 <= 500 && result.errors + result.timeouts + result.non2xx === 0;
  log(
    `${result.requestsPerSecond.toFixed(0)} requests/s (${result.total} in all), p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
      `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}; target ≥ 150/s, p99 ≤ 500 ms, no errors: ${met ? 'met' : 'MISSED'}`,
  );
  return result;
}

async function main() {
  log(`guanxi API benchmark: ${N} articles, ${os.availableParallelism()} cores, load average ${load()}`);
  const report: Record<string, unknown> = { articles: N };
  if (args['build-only'] || ['latency', 'load', 'profile'].some((p) => PARTS.has(p))) await onCollection(report);
  if (PARTS.has('import') && !args['build-only']) {
    const articles = Number(args['import-articles']);
    log(`\nimport with and without the connection layer: ${articles} articles, ${args.rounds} rounds on a scratch embedded Neo4j; load average ${load()}`);
    const result = await importComparison(articles, Number(args.rounds), log);
    log(
      `median of ${result.rounds} round(s): with ${result.with.toFixed(0)} articles/s, without ${result.without.toFixed(0)}, ` +
        `ratio ${result.ratio.toFixed(2)}; target ≥ 0.8: ${result.ratio >= 0.8 ? 'met' : 'MISSED'}; ` +
        `CPU an article, without / with: ${result.cpuRatio.toFixed(2)} (Neo4j's alone ${result.neo4jCpuRatio.toFixed(2)})`,
    );
    report.import = result;
  }
  if (PARTS.has('writes') && !args['build-only']) {
    log(`\nwhere an import's write time goes; load average ${load()}`);
    await writeCosts(Number(args['import-articles']), 5, log);
  }
  log(JSON.stringify(report));
}

await main();
