// Compiles shared/src and server/src to shared/dist and server/dist (tsc -b), so that the CLI starts
// from JavaScript in a fraction of a second instead of compiling TypeScript through tsx on every
// call (seconds). `npm ci` builds through the root `prepare` script; the CLI calls ensureBuilt() on
// every start, which rebuilds when the sources differ from those of the last build, so an edit is
// never run stale. Run directly (`node server/bin/build.js`) it builds if needed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'server/dist');
const STAMP = path.join(DIST, '.sources');
const LOCK = path.join(DIST, '.build-lock');
/** Everything the build reads. */
const INPUTS = ['tsconfig.base.json', 'shared/package.json', 'shared/tsconfig.build.json', 'shared/src', 'server/tsconfig.build.json', 'server/src'];

/**
 * Paths, sizes and modification times of the inputs (a few milliseconds). Compared for equality, not
 * "newer than", so that an edit, an added, removed or renamed file, or a file restored with an older
 * time all count as a change; a checkout that only touches times costs one needless rebuild (~1 s).
 */
export function sourcesSignature() {
  const hash = createHash('sha1');
  const visit = (rel) => {
    const stat = fs.statSync(path.join(ROOT, rel));
    if (!stat.isDirectory()) {
      hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
      return;
    }
    for (const name of fs.readdirSync(path.join(ROOT, rel)).sort()) visit(path.join(rel, name));
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}

function builtSignature() {
  try {
    return fs.readFileSync(STAMP, 'utf8');
  } catch {
    return undefined;
  }
}

// The stamp lives in server/dist; shared/dist can be deleted on its own.
function isBuilt(signature) {
  return builtSignature() === signature && fs.existsSync(path.join(ROOT, 'shared/dist/index.js'));
}

/** Builds server/dist (and shared/dist) unless it was built from the sources as they are now. */
export function ensureBuilt() {
  if (isBuilt(sourcesSignature())) return;
  withLock(() => {
    // Another process may have built while this one waited for the lock.
    const signature = sourcesSignature();
    if (!isBuilt(signature)) build(signature);
  });
}

function build(signature) {
  let tsc;
  try {
    tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
  } catch {
    // An install without devDependencies has no compiler, but then nobody edits the sources either.
    if (fs.existsSync(path.join(DIST, 'cli/main.js'))) {
      console.error('guanxi: TypeScript is not installed, so the sources cannot be recompiled; running the last build');
      return;
    }
    throw new Error('guanxi: server/dist is missing and TypeScript, a devDependency, is not installed: run `npm ci` (without --omit=dev)');
  }
  const started = Date.now();
  // process.execPath rather than PATH: the CLI also runs with a PATH of its caller's choosing.
  const result = spawnSync(process.execPath, [tsc, '-b', 'server/tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  // tsc exits with 2 when it emitted in spite of type errors: run that, as tsx did, and say so once.
  if (result.status !== 0 && result.status !== 2) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`guanxi: compiling server/src failed (tsc -b server/tsconfig.build.json, exit ${result.status ?? result.signal})`);
  }
  fs.writeFileSync(STAMP, signature);
  const first = result.stdout.split('\n')[0];
  const note = result.status === 2 ? `, with errors (npm run typecheck lists them), the first: ${first}` : '';
  console.error(`guanxi: compiled server/src and shared/src to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s${note}`);
}

/** Parallel CLI calls (the tests spawn several) must not compile over one another's output. */
function withLock(fn) {
  fs.mkdirSync(DIST, { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (holderIsGone()) fs.rmSync(LOCK, { force: true });
    else if (Date.now() > deadline) throw new Error(`guanxi: another build has held ${LOCK} for 2 minutes; remove it if none is running`);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  try {
    fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

function holderIsGone() {
  let pid;
  try {
    pid = Number(fs.readFileSync(LOCK, 'utf8'));
  } catch {
    return false; // released meanwhile: the next attempt takes it
  }
  if (!pid) return false; // being written
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureBuilt();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
