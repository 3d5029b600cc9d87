import fs from 'node:fs';
import path from 'node:path';

/**
 * CPU seconds of this process (worker threads included) and of an embedded Neo4j server (from
 * /proc, when it runs here): on a shared machine the wall clock measures the neighbours too, CPU
 * time what the work itself costs.
 */
export function cpuSeconds(neo4jPid: number | undefined): { node: number; neo4j: number } {
  const own = process.cpuUsage();
  let neo4j = 0;
  try {
    if (neo4jPid) {
      const fields = fs.readFileSync(`/proc/${neo4jPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      neo4j = (Number(fields[11]) + Number(fields[12])) / 100;
    }
  } catch {
    neo4j = Number.NaN;
  }
  return { node: (own.user + own.system) / 1e6, neo4j };
}

/** The pid of the embedded Neo4j serving `dataDir`, if one does. */
export function neo4jPid(dataDir: string | undefined): number | undefined {
  if (!dataDir) return undefined;
  try {
    return Number.parseInt(fs.readFileSync(path.join(dataDir, 'neo4j.pid'), 'utf8'), 10) || undefined;
  } catch {
    return undefined;
  }
}
