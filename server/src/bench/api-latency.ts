import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createServer } from '../api/server.ts';
import { loadConfig, ROOT } from '../config.ts';
import type { Graph } from '../graph/db.ts';
import { postGraphql, type ApiQuery } from './api-queries.ts';

/** The value below which `p` of the sorted samples fall (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

const summary = (ms: number[]): Latency => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export interface Rounds {
  requests: number;
  seconds: number;
  /** Pairs sent first and not counted, for at most `warmupSeconds`. */
  warmup: number;
  warmupSeconds: number;
}

/**
 * One request at a time, the three sides in turn (which goes first rotates each time), so all meet
 * the same phases of a shared machine: GraphQL over HTTP to the server's own process (`url`), the
 * same server run in this process (`inProcessUrl`: no process boundary, to tell what the boundary
 * costs from what the server's code costs), and the statements straight through the driver. First
 * a warm-up, not counted: both JITs (Neo4j's and Node's) compile a statement's path only after a
 * few hundred runs — after 20, a search read 2–3× its steady time on both sides. Ends after
 * `requests` rounds or `seconds`, whichever comes first.
 */
export async function measure(q: ApiQuery, url: string, inProcessUrl: string, driver: Driver, { requests, seconds, warmup, warmupSeconds }: Rounds) {
  const sides = [() => postGraphql(url, q.graphql), () => postGraphql(inProcessUrl, q.graphql), () => q.driver(driver)];
  const warm = performance.now() + warmupSeconds * 1000;
  for (let i = 0; i < warmup && performance.now() < warm; i++) for (const side of sides) await side();
  const samples: number[][] = sides.map(() => []);
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; i < requests && performance.now() < deadline; i++) {
    for (let k = 0; k < sides.length; k++) {
      const at = (i + k) % sides.length;
      samples[at]!.push(await timed(sides[at]!));
    }
  }
  const [graphql, inProcess, direct] = samples.map(summary) as [Latency, Latency, Latency];
  return { graphql, inProcess, driver: direct, n: samples[0]!.length };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * bench/api-server.ts, compiled as `guanxi serve` runs it (server/dist, built first if the sources
 * changed), in a child process on a free loopback port, talking to `neo4jUri`. Not through tsx: its
 * source maps made each stack the driver captures (one a statement, one a commit) cost ~0.05 ms,
 * which the product does not pay.
 */
export async function startServer(neo4jUri: string): Promise<ServerProcess> {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'server/bin/build.js')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`compiling server/src failed (node server/bin/build.js, exit ${build.status})`);
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/bench/api-server.js')], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: neo4jUri, PORT: '0', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API server did not start within 120 s')), 120_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the API server exited (code ${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The server under test: `createServer` as `guanxi serve` builds it, without the explorer's files or the sample. */
export function createBenchServer(graph: Graph) {
  return createServer({ graph: graph.with({ readTimeoutMs: loadConfig().GUANXI_QUERY_TIMEOUT_MS }), graphiql: false });
}

/**
 * The same server as bench/api-server.ts builds, in this process on a free loopback port: requests
 * to it cross no process boundary (the client, the server and the driver share one event loop).
 */
export async function startInProcessServer(graph: Graph): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createBenchServer(graph);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
