import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from '../config.ts';
import { log } from '../log.ts';

/**
 * Starts and stops the embedded Neo4j Community server (neo4j-embedded/, a small Java program on
 * Maven Central artifacts). Used when NEO4J_URI is not set.
 */
export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
  /** How long to wait for Bolt to answer before giving up. */
  readyTimeoutMs?: number;
  /** The server's db.transaction.timeout in seconds, for transactions that set none (0: none). */
  txTimeoutS?: number;
  /**
   * End the server when this process ends, however it ends (`guanxi serve`); left false, it is a
   * background service that outlives the command that started it (`guanxi neo4j start`).
   */
  exitWithParent?: boolean;
}

export interface EmbeddedStatus {
  running: boolean;
  pid?: number;
  uri: string;
}

const PROJECT = path.join(ROOT, 'neo4j-embedded');
const CLASSPATH_FILE = path.join(PROJECT, 'target', 'classpath.txt');
const MAIN_CLASS = 'guanxi.EmbeddedNeo4j';

export class Neo4jSetupError extends Error {}

const paths = (dataDir: string) => ({
  db: path.join(dataDir, 'neo4j'),
  pid: path.join(dataDir, 'neo4j.pid'),
  log: path.join(dataDir, 'neo4j.log'),
});

export const boltUri = (port: number) => `bolt://127.0.0.1:${port}`;

const ALTERNATIVES =
  'Install Java 17+ and Maven (Debian: apt-get install -y openjdk-17-jre-headless maven), ' +
  'or run Neo4j with `docker compose up neo4j`, or point NEO4J_URI at any Neo4j 5 server.';

function javaMajorVersion(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) throw new Neo4jSetupError(`Java was not found on PATH. ${ALTERNATIVES}`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) throw new Neo4jSetupError(`Could not read the Java version from \`java -version\`. ${ALTERNATIVES}`);
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

const BUILD_STAMP = path.join(PROJECT, 'target', 'guanxi-build.stamp');
const BUILD_SOURCES = [path.join(PROJECT, 'pom.xml'), path.join(PROJECT, 'src/main/java/guanxi/EmbeddedNeo4j.java')];

/** What the launcher was built from: a hash of its sources (mtimes change with every checkout). */
function sourcesHash(): string {
  const hash = createHash('sha1');
  for (const file of BUILD_SOURCES) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** Whether the launcher must be (re)built: never built, or built from other sources. */
export function needsBuild(): boolean {
  if (!fs.existsSync(CLASSPATH_FILE) || !fs.existsSync(BUILD_STAMP)) return true;
  return fs.readFileSync(BUILD_STAMP, 'utf8').trim() !== sourcesHash();
}

/** Compiles the launcher and resolves Neo4j's jars from Maven Central (once; later runs reuse ~/.m2). */
export function buildEmbedded(): void {
  const java = javaMajorVersion();
  if (java < 17) throw new Neo4jSetupError(`Neo4j 5 needs Java 17 or newer; found Java ${java}. ${ALTERNATIVES}`);
  if (!needsBuild()) return;
  log.info('building the embedded Neo4j launcher with Maven');
  const result = spawnSync('mvn', ['-q', '-B', '-f', path.join(PROJECT, 'pom.xml'), 'package'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw new Neo4jSetupError(`Maven (mvn) was not found on PATH. ${ALTERNATIVES}`);
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Neo4jSetupError(`Building the embedded Neo4j failed (mvn package):\n${output}`);
  }
  // Maven leaves an unchanged classpath file untouched, so its age cannot tell a build happened.
  fs.writeFileSync(BUILD_STAMP, sourcesHash() + '\n');
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function embeddedStatus(options: Pick<EmbeddedOptions, 'dataDir' | 'port'>): Promise<EmbeddedStatus> {
  const pid = readPid(paths(options.dataDir).pid);
  const running = pid !== undefined && (await portAnswers(options.port));
  return { running, pid, uri: boltUri(options.port) };
}

function logTail(logFile: string, lines = 20): string {
  try {
    return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** What the launcher of a running process was given, read from /proc (Linux; elsewhere none). */
interface Launcher {
  pid: number;
  db: string;
  port: number;
}

function runningLaunchers(): Launcher[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const found: Launcher[] = [];
  for (const entry of entries) {
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf(MAIN_CLASS);
      if (at >= 0 && args[at + 1]) found.push({ pid: Number(entry), db: path.resolve(args[at + 1]!), port: Number(args[at + 2]) });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An earlier server on this data folder that the pid file does not show (a crashed parent, a
 * removed pid file): reused when it answers on our port, stopped otherwise, since it holds the
 * store lock and a second server on the same store could never start.
 */
async function settleEarlier(options: EmbeddedOptions): Promise<EmbeddedStatus | undefined> {
  const files = paths(options.dataDir);
  const db = path.resolve(files.db);
  for (const earlier of runningLaunchers().filter((l) => l.db === db)) {
    // Still starting (or recovering after a kill): give it the time a start would get.
    const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
    while (earlier.port === options.port && alive(earlier.pid) && Date.now() < deadline) {
      if (await portAnswers(options.port)) {
        fs.writeFileSync(files.pid, String(earlier.pid));
        log.warn({ pid: earlier.pid }, 'reusing an embedded Neo4j left running on this data folder');
        return { running: true, pid: earlier.pid, uri: boltUri(options.port) };
      }
      await sleep(250);
    }
    if (alive(earlier.pid)) {
      log.warn({ pid: earlier.pid, port: earlier.port }, 'stopping an embedded Neo4j left running on this data folder');
      await stopPid(earlier.pid);
    }
  }
  return undefined;
}

/** Processes started with exitWithParent hold the other end of these pipes: kept so GC leaves them open. */
const parentPipes = new Set<unknown>();

/**
 * Starts the server in the background and waits until Bolt answers. Returns the status; if a
 * server from this data folder already runs, it is reused (`started` false).
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedStatus & { started: boolean }> {
  const files = paths(options.dataDir);
  // A server still shutting down (its parent just ended) may answer for a few seconds more: it
  // cannot be reused, and a new one can only start on the store once it is gone.
  const previous = readPid(files.pid) ?? runningLaunchers().find((l) => l.db === path.resolve(files.db))?.pid;
  if (previous !== undefined && /^STOPPING$/m.test(logTail(files.log, 5))) {
    const deadline = Date.now() + 60_000;
    while (alive(previous) && Date.now() < deadline) await sleep(250);
  }
  const current = await embeddedStatus(options);
  if (current.running) return { ...current, started: false };
  const earlier = await settleEarlier(options);
  if (earlier) return { ...earlier, started: false };
  if (await portAnswers(options.port)) {
    throw new Neo4jSetupError(
      `Port ${options.port} is already in use by another program. Set GUANXI_NEO4J_PORT to a free port, ` +
        `or NEO4J_URI=${boltUri(options.port)} if that program is a Neo4j server you want to use.`,
    );
  }
  buildEmbedded();
  fs.mkdirSync(files.db, { recursive: true });
  const classpath = `${path.join(PROJECT, 'target', 'classes')}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const out = fs.openSync(files.log, 'w');
  const child = spawn(
    'java',
    [
      `-Xms${Math.min(256, options.heapMb)}m`,
      `-Xmx${options.heapMb}m`,
      '-XX:MaxDirectMemorySize=256m',
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      classpath,
      MAIN_CLASS,
      files.db,
      String(options.port),
      String(options.pageCacheMb),
      String(options.txTimeoutS ?? 600),
      ...(options.exitWithParent ? ['--exit-with-stdin'] : []),
    ],
    // Its own process group all the same: Ctrl-C goes to guanxi, which stops Neo4j cleanly.
    { detached: true, stdio: [options.exitWithParent ? 'pipe' : 'ignore', out, out] },
  );
  fs.closeSync(out);
  if (child.pid === undefined) throw new Neo4jSetupError('Could not start java for the embedded Neo4j.');
  fs.writeFileSync(files.pid, String(child.pid));
  child.unref();
  if (child.stdin) {
    // The pipe must not keep this process alive, only tell the server when it ends.
    (child.stdin as unknown as { unref(): void }).unref();
    child.stdin.on('error', () => {});
    parentPipes.add(child.stdin);
  }

  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
    parentPipes.delete(child.stdin);
  });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Neo4jSetupError(`The embedded Neo4j exited (code ${exited}) before it was ready. Its log:\n${logTail(files.log)}`);
    }
    if (/^READY /m.test(logTail(files.log, 200)) && (await portAnswers(options.port))) {
      return { running: true, pid: child.pid, uri: boltUri(options.port), started: true };
    }
    await sleep(250);
  }
  process.kill(child.pid, 'SIGTERM');
  throw new Neo4jSetupError(
    `The embedded Neo4j did not answer on ${boltUri(options.port)} within ${Math.round((options.readyTimeoutMs ?? 120_000) / 1000)} s. ` +
      `Its log (${files.log}):\n${logTail(files.log)}`,
  );
}

/** Stops the server with SIGTERM (Neo4j shuts down cleanly), killing it only if it hangs. */
export async function stopEmbedded(options: Pick<EmbeddedOptions, 'dataDir'>, timeoutMs = 60_000): Promise<boolean> {
  const files = paths(options.dataDir);
  const pid = readPid(files.pid);
  if (pid === undefined) return false;
  await stopPid(pid, timeoutMs);
  fs.rmSync(files.pid, { force: true });
  return true;
}

async function stopPid(pid: number, timeoutMs = 60_000): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return;
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ended just now
  }
}
