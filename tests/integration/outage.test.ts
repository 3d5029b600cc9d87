/**
 * Fault injection: Neo4j killed (SIGKILL) under a running import and under API load, then started
 * again. On a private embedded server of its own (it is killed, so not the run's shared one).
 * (a) the import stops within seconds with its counts, an `error` and exit 3, and a re-run
 *     completes to exactly the counts of a clean import of the same input;
 * (b) while Neo4j is down every GraphQL request answers within ~3 s with HTTP 503 and
 *     SERVICE_UNAVAILABLE, /ready is 503; after the restart the same server (not restarted) answers
 *     again and /ready is 200, naming the Neo4j and its version.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/src/api/server.ts';
import { syntheticCorpus } from '../../server/src/bench/corpus.ts';
import { loadConfig } from '../../server/src/config.ts';
import { Graph } from '../../server/src/graph/db.ts';
import { createDriver } from '../../server/src/neo4j/connect.ts';
import { portAnswers, startEmbedded, stopEmbedded } from '../../server/src/neo4j/embedded.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { counts } from './graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'server/bin/guanxi.js');
const ARTICLES = 200;

let dataDir: string;
let port: number;
let uri: string;
let pid: number;
let graph: Graph;

const config = () => loadConfig({ NEO4J_URI: uri, GUANXI_QUERY_TIMEOUT_MS: '5000' });

async function startNeo4j() {
  const server = await startEmbedded({ dataDir, port, heapMb: 384, pageCacheMb: 64 });
  pid = server.pid!;
}

function killNeo4j() {
  process.kill(pid, 'SIGKILL');
}

async function freePort(from: number): Promise<number> {
  for (let p = from; p < from + 200; p++) if (!(await portAnswers(p, 200))) return p;
  throw new Error(`no free port from ${from}`);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  endedAt: number;
}

function importCli(file: string): { done: Promise<Run> } {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', LOG_LEVEL: 'warn' };
  delete env.NEO4J_DATABASE;
  const child = spawn(process.execPath, [CLI, 'import', '--json', '--workers', '1', '--batch-size', '10', file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  return {
    done: new Promise((resolve) =>
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, endedAt: performance.now() });
      }),
    ),
  };
}

describe('Neo4j killed and restarted', () => {
  let corpus: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-outage-'));
    port = await freePort(18687);
    uri = `bolt://127.0.0.1:${port}`;
    corpus = path.join(dataDir, 'corpus.jsonl');
    fs.writeFileSync(corpus, [...syntheticCorpus(ARTICLES)].map((a) => JSON.stringify(a)).join('\n') + '\n');
    await startNeo4j();
    graph = new Graph(createDriver(uri, config()), undefined, { name: uri });
  });
  afterAll(async () => {
    await graph?.driver.close();
    await stopEmbedded({ dataDir }, 20_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an import stops quickly and cleanly, and a re-run completes it to the counts of a clean import', async () => {
    // The clean import and the re-run in this process (no CLI start-up: the machine may be loaded);
    // the interrupted one through the CLI, whose exit code and output are what is checked.
    const importHere = () =>
      runImport(graph, readInputs([corpus]), new ExtractionPool({ workers: 0 }), { batchSize: 10, dryRun: false });
    expect((await importHere()).written).toBe(ARTICLES);
    const expected = await counts(graph);
    expect(expected.articles).toBe(ARTICLES);
    await graph.write('MATCH (n) DETACH DELETE n');

    const interrupted = importCli(corpus);
    let killedAt = 0;
    while (!killedAt) {
      const { articles } = await counts(graph);
      if (articles > 0) {
        killNeo4j();
        killedAt = performance.now();
      } else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const run = await interrupted.done;
    const seconds = (run.endedAt - killedAt) / 1000;
    console.log(`import ended ${seconds.toFixed(1)} s after Neo4j was killed`);
    expect(run.code, run.stderr).toBe(3);
    expect(seconds).toBeLessThan(10);
    const summary = JSON.parse(run.stdout.trim()) as { written: number; error: string | null };
    expect(summary.written).toBeLessThan(ARTICLES);
    expect(summary.error).toMatch(/^Neo4j at bolt:\/\/127\.0\.0\.1:\d+ went away during the import: .+; \d+ articles were written before, re-run the same command/);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toEqual([`guanxi: ${summary.error}`]);

    await startNeo4j();
    const rerun = await importHere();
    expect(rerun.error).toBeUndefined();
    expect(rerun.unchanged + rerun.written).toBe(ARTICLES);
    expect(await counts(graph)).toEqual(expected);
  }, 240_000);

  describe('under API load', () => {
    let server: http.Server;
    let base: string;
    const post = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      return { status: response.status, body, seconds: (performance.now() - started) / 1000 };
    };
    const ready = async () => {
      const started = performance.now();
      const response = await fetch(`${base}/ready`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown>, seconds: (performance.now() - started) / 1000 };
    };

    beforeAll(async () => {
      server = createServer({ graph: graph.with({ readTimeoutMs: 5000 }), graphiql: false });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it('answers 503 SERVICE_UNAVAILABLE quickly while Neo4j is down, and recovers by itself', async () => {
      const QUERIES = ['{ stats { articles entities } }', '{ search(text: "水利", first: 5) { id } }'];
      expect((await post(QUERIES[0]!)).status).toBe(200);

      // Load: four clients asking in a loop, through the kill; every answer is a result or a 503.
      let loading = true;
      const seen: { status: number; seconds: number; code?: string; at: number; message?: string }[] = [];
      const t0 = performance.now();
      const load = Promise.all(
        [0, 1, 2, 3].map(async (i) => {
          while (loading) {
            const r = await post(QUERIES[i % 2]!);
            seen.push({ status: r.status, seconds: r.seconds, code: r.body.errors?.[0]?.extensions?.code, at: (performance.now() - t0) / 1000, message: r.body.errors?.[0]?.message });
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      killNeo4j();
      await new Promise((resolve) => setTimeout(resolve, 4000));

      for (const query of QUERIES) {
        const down = await post(query);
        expect(down.status).toBe(503);
        expect(down.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(down.seconds).toBeLessThan(3);
      }
      const notReady = await ready();
      expect(notReady.status).toBe(503);
      expect(notReady.seconds).toBeLessThan(3);
      expect(String(notReady.body.reason)).toMatch(/^Neo4j: /);

      await startNeo4j();
      let back = await post(QUERIES[0]!);
      for (let i = 0; i < 40 && back.status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        back = await post(QUERIES[0]!);
      }
      loading = false;
      await load;
      expect(back.status).toBe(200);
      expect(back.body.errors).toBeUndefined();
      const isReady = await ready();
      expect(isReady.status).toBe(200);
      expect(isReady.body).toMatchObject({ ready: true, neo4j: uri, version: expect.stringMatching(/^Neo4j\/5\./) });

      const failures = seen.filter((s) => s.status !== 200);
      console.log(`under load: ${seen.length} requests, ${failures.length} failed, slowest ${Math.max(...seen.map((s) => s.seconds)).toFixed(1)} s`);
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
        expect(failure.seconds).toBeLessThan(3);
      }
    });
  });
});
