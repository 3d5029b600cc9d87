import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { cypher } from '../graph/cypher.ts';
import { Graph } from '../graph/db.ts';
import { applySchema } from '../graph/store.ts';
import { portAnswers, startEmbedded, stopEmbedded } from '../neo4j/embedded.ts';

/** Linux's USER_HZ: clock ticks per second in /proc (100 on every mainstream kernel build). */
const CLOCK_TICKS = 100;

/**
 * A Neo4j for a benchmark: NEO4J_URI's server if set (NEO4J_DATABASE picks a scratch database: it
 * is emptied), else a private embedded server in a temporary folder. `reset` empties it.
 */
export async function benchNeo4j() {
  let uri = process.env.NEO4J_URI;
  let stop = async () => {};
  let serverPid: number | undefined;
  if (!uri) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-neo4j-'));
    let port = 27687;
    while (await portAnswers(port, 200)) port++;
    const server = await startEmbedded({ dataDir, port, heapMb: 1024, pageCacheMb: 512 });
    uri = server.uri;
    serverPid = server.pid;
    stop = async () => {
      await stopEmbedded({ dataDir });
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), {
    disableLosslessIntegers: true,
  });
  const graph = new Graph(driver, process.env.NEO4J_DATABASE);
  return {
    graph,
    uri,
    /** CPU seconds the local server has used so far (user + system), or undefined for a remote one. */
    serverCpuSeconds(): number | undefined {
      if (serverPid === undefined) return undefined;
      try {
        // /proc/PID/stat: fields 14 and 15 (after the parenthesized name) are utime and stime in clock ticks.
        const fields = fs.readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      } catch {
        return undefined;
      }
    },
    async reset() {
      await resetBenchDatabase(graph);
    },
    async close() {
      await driver.close();
      await stop();
    },
  };
}

/** Empties a benchmark's database in chunks (a single DETACH DELETE of 100k nodes would need a huge transaction), schema reapplied. */
export async function resetBenchDatabase(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    // Auto-commit: CALL … IN TRANSACTIONS needs it.
    await session.run(cypher('bench/reset'));
    await session.run(cypher('bench/reset-nodes'));
  } finally {
    await session.close();
  }
  await applySchema(graph);
}
