import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipLimited } from './gunzip.ts';
import { DEFAULT_LIMITS, type InputLimits } from './limits.ts';

/** One input to read: a file, or stdin for "-". */
export interface InputSource {
  /** As shown in problems and origins: the path as found, or "-" for stdin. */
  file: string;
  /** The name that decides the format: the file name without a trailing ".gz". */
  formatName: string;
  /** The bytes, already gunzipped (within the limits on inflation). */
  open(limits?: InputLimits): Readable;
}

export type Expanded = { kind: 'source'; source: InputSource } | { kind: 'problem'; file: string; reason: string };

/** Extensions picked up when walking a directory; other files there are skipped silently. */
export const KNOWN_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.json', '.jsonl', '.ndjson', '.csv', '.tsv',
  '.xml', '.rss', '.atom', '.html', '.htm', '.xhtml'];

const GLOB_CHARS = /[*?[{]/;

/**
 * Turns the command line's paths into sources, in a deterministic order: arguments as given,
 * directories walked recursively in sorted order, glob matches sorted. A path that cannot be
 * read becomes one problem, and the others go on.
 */
export async function* expandPaths(paths: string[], stdin: Readable = process.stdin): AsyncGenerator<Expanded> {
  const seen = new Set<string>();
  for await (const entry of expandAll(paths, stdin)) {
    // A file named twice (a directory and a glob over it) is read once.
    if (entry.kind === 'source' && entry.source.file !== '-') {
      const key = path.resolve(entry.source.file);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    yield entry;
  }
}

async function* expandAll(paths: string[], stdin: Readable): AsyncGenerator<Expanded> {
  for (const given of paths) {
    if (given === '-') {
      yield { kind: 'source', source: streamSource(stdin) };
      continue;
    }
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      if (GLOB_CHARS.test(given)) {
        const matches = await globFiles(given);
        if (matches.length === 0) yield { kind: 'problem', file: given, reason: 'no file matches this pattern' };
        for (const file of matches) yield { kind: 'source', source: fileSource(file) };
        continue;
      }
      yield { kind: 'problem', file: given, reason: describeFsError(error) };
      continue;
    }
    if (info.isDirectory()) {
      try {
        for (const file of await walk(given)) if (isKnown(file)) yield { kind: 'source', source: fileSource(file) };
      } catch (error) {
        yield { kind: 'problem', file: given, reason: describeFsError(error) };
      }
    } else {
      yield { kind: 'source', source: fileSource(given) };
    }
  }
}

/** A source for a stream with no file behind it (stdin); the format is sniffed from its text. */
export function streamSource(stream: Readable, file = '-'): InputSource {
  return { file, formatName: file.replace(/\.gz$/i, ''), open: (limits = DEFAULT_LIMITS) => maybeGunzip(stream, limits) };
}

function fileSource(file: string): InputSource {
  const gz = /\.gz$/i.test(file);
  return {
    file,
    formatName: gz ? file.slice(0, -3) : file,
    open: (limits = DEFAULT_LIMITS) => {
      const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
      return gz ? Readable.from(gunzipLimited(raw, limits)) : raw;
    },
  };
}

/** stdin has no name to say ".gz", so gzip is recognised by its magic bytes 1f 8b. */
function maybeGunzip(stream: Readable, limits: InputLimits): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) return;
    const head = Buffer.from(first.value);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const rest = (async function* () {
        yield head;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield Buffer.from(next.value);
      })();
      yield* gunzipLimited(rest, limits);
      return;
    }
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield Buffer.from(next.value);
  }
  return Readable.from(bytes());
}

function isKnown(file: string): boolean {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  return KNOWN_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Files under `dir`, recursively, sorted by path (code-unit order, so the same on every OS). */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // .git, .DS_Store and editor files are never articles
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Node 20 has no fs.glob (it arrived in 22) and path.matchesGlob is experimental and warns, so
 * patterns are matched here: walk from the pattern's literal prefix and test each file against
 * a RegExp built from the pattern (*, **, ?, [...], {a,b}).
 */
export async function globFiles(pattern: string): Promise<string[]> {
  const normalised = pattern.split(path.sep).join('/');
  const parts = normalised.split('/');
  const firstGlob = parts.findIndex((part) => GLOB_CHARS.test(part));
  const base = parts.slice(0, firstGlob).join('/') || (normalised.startsWith('/') ? '/' : '.');
  const regex = globToRegExp(normalised.startsWith('./') ? normalised.slice(2) : normalised);
  let files: string[];
  try {
    files = await walk(base);
  } catch {
    return [];
  }
  return files.filter((file) => {
    const rel = file.split(path.sep).join('/');
    return regex.test(rel.startsWith('./') ? rel.slice(2) : rel);
  });
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more directories; a bare "**" anything at all.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES') return 'permission denied';
  return e.message ?? String(error);
}
