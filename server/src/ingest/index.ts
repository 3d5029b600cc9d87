/**
 * The importer's input side: any mix of files, directories, globs, .gz and stdin in, a stream
 * of articles and problems out. Formats are chosen by extension, else sniffed from the text.
 */
import type { Readable } from 'node:stream';
import { decodeBytes } from './encoding.ts';
import { peekChunks } from './peek.ts';
import { problem, warning, type InputItem, type ReadContext, type ReadOptions } from './items.ts';
import { limitsFromEnv, type InputLimits } from './limits.ts';
import { binaryReason, guardArticle, looksBinaryFile } from './sanitize.ts';
import { expandPaths, type InputSource } from './paths.ts';
import { readCsv } from './csv.ts';
import { readFeed } from './feed.ts';
import { readHtml } from './html.ts';
import { readJson, readJsonLines } from './json.ts';
import { readText } from './text.ts';

export type { InputItem, ReadOptions, InputField } from './items.ts';
export { DEFAULT_LIMITS, limitsFromEnv, type InputLimits } from './limits.ts';
export { streamSource, type InputSource } from './paths.ts';

export type Format = 'text' | 'json' | 'jsonl' | 'csv' | 'feed' | 'html';

export function formatFromName(name: string): Format | undefined {
  const ext = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1];
  switch (ext) {
    case 'txt': case 'text': case 'md': case 'markdown': return 'text';
    case 'json': return 'json';
    case 'jsonl': case 'ndjson': return 'jsonl';
    case 'csv': case 'tsv': return 'csv';
    case 'xml': case 'rss': case 'atom': return 'feed';
    case 'html': case 'htm': case 'xhtml': return 'html';
    default: return undefined;
  }
}

/** Reads every input in order. Never throws for a bad input: it becomes a problem item. */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const resolved = { ...options, limits: resolveLimits(options) };
  for await (const entry of expandPaths(paths)) {
    if (entry.kind === 'problem') yield problem({ file: entry.file }, entry.reason);
    else yield* readSource(entry.source, resolved);
  }
}

function resolveLimits(options: ReadOptions): InputLimits {
  return { ...limitsFromEnv(), ...options.limits };
}

/** Bad UTF-8 bytes reported one by one up to this many a file, then counted. */
const MAX_BYTE_WARNINGS = 10;

/** Reads one source; exported for callers (and tests) that have a stream rather than a path. */
export async function* readSource(source: InputSource, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const limits = resolveLimits(options);
  const ctx: ReadContext = { file: source.file, formatName: source.formatName, options, limits };
  const origin = { file: source.file };
  const late: { error?: unknown } = {};
  let warned = 0;
  let badBytes: number[] = [];
  function* byteWarnings(): Generator<InputItem> {
    for (; warned < Math.min(badBytes.length, MAX_BYTE_WARNINGS); warned++) {
      yield warning(origin, `byte offset ${badBytes[warned]}: not valid UTF-8, decoded as U+FFFD`);
    }
  }
  try {
    const stream: Readable = source.open(limits);
    const decoded = await decodeBytes(untilError(stream as AsyncIterable<Buffer>, late), options.encoding);
    badBytes = decoded.badBytes;
    if (looksBinaryFile(decoded.sample)) {
      yield problem(origin, binaryReason(decoded.sample));
      stream.destroy(); // the rest is not read: the file is closed now, not at GC
      return;
    }
    const { head, chunks } = await peek(decoded.chunks, 1024);
    const format = formatFromName(source.formatName) ?? sniffFormat(head);
    if (decoded.complete && decoded.sample.trim() === '' && (format === 'feed' || format === 'html')) {
      yield problem(origin, 'empty file');
      return;
    }
    for await (const item of READERS[format](chunks, ctx)) {
      yield* byteWarnings();
      yield item.kind === 'article' ? guardArticle(item.article, limits) : item;
    }
    yield* byteWarnings();
  } catch (error) {
    yield problem(origin, describe(error));
  }
  if (badBytes.length > warned) yield warning(origin, `${badBytes.length - warned} more bytes not valid UTF-8, decoded as U+FFFD`);
  // A stream that broke after giving text (a truncated gzip, a limit) has had that text read first.
  if (late.error !== undefined) yield problem(origin, describe(late.error));
}

/**
 * The chunks of `source` until it fails; a failure after the first chunk ends the stream quietly
 * and is kept in `late`, so the readers finish with what came before it. A failure before any
 * chunk (no such file) is thrown as it is.
 */
async function* untilError(source: AsyncIterable<Buffer>, late: { error?: unknown }): AsyncGenerator<Buffer> {
  let any = false;
  try {
    for await (const chunk of source) {
      any = true;
      yield chunk;
    }
  } catch (error) {
    if (!any) throw error;
    late.error = error;
  }
}

const READERS: Record<Format, (chunks: AsyncIterable<string>, ctx: ReadContext) => AsyncIterable<InputItem>> = {
  text: readText,
  json: readJson,
  jsonl: readJsonLines,
  csv: readCsv,
  feed: readFeed,
  html: readHtml,
};

/** For stdin and unknown extensions: what the first characters look like. */
export function sniffFormat(head: string): Format {
  const start = head.replace(/^[\s\ufeff]+/, '').slice(0, 512).toLowerCase();
  if (start.startsWith('<?xml')) return /<(rss|feed|rdf:rdf)[\s>]/.test(start) || !/<html/.test(start) ? 'feed' : 'html';
  if (/^<(rss|feed|rdf:rdf)[\s>]/.test(start)) return 'feed';
  if (start.startsWith('<')) return 'html';
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    // One object a line is JSONL; an object spread over lines is a JSON document.
    const firstLine = start.split('\n', 1)[0]!.trim();
    return firstLine.endsWith('}') ? 'jsonl' : 'json';
  }
  return 'text';
}

/** The first `size` characters, and the chunks again from the very start. */
async function peek(chunks: AsyncIterable<string>, size: number): Promise<{ head: string; chunks: AsyncIterable<string> }> {
  const { head, tail, close } = await peekChunks(chunks, size, (chunk) => chunk.length);
  async function* replay(): AsyncGenerator<string> {
    try {
      yield* head;
      yield* tail;
    } finally {
      await close();
    }
  }
  return { head: head.join('').slice(0, size), chunks: replay() };
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'Z_DATA_ERROR' || e?.code === 'Z_BUF_ERROR') return `not valid gzip data (${e.message})`;
  return e instanceof Error ? e.message : String(error);
}
