/**
 * JSON arrays and JSON Lines. A JSON array is never parsed whole: a small scanner finds each
 * element's text (tracking strings, escapes and nesting) and JSON.parse reads one element at a
 * time, so memory stays at one record and one bad element costs only itself.
 */
import type { Origin } from '@guanxi/shared';
import { articleFromRecord } from './article.ts';
import { htmlToText } from './html.ts';
import { article, problem, type InputItem, type ReadContext } from './items.ts';
import { splitLines, tooLongLine } from './lines.ts';

/** A single top-level value (e.g. `{"articles": [...]}`) is read whole only below this size. */
export const MAX_WHOLE_VALUE_BYTES = 200 * 2 ** 20;

/** Array fields of a wrapping object that hold the records. */
const WRAPPER_FIELDS = ['articles', 'items', 'data', 'records', 'entries', 'results', 'docs'];

/** V8 quotes this many characters either side of the offending one in its JSON errors. */
const V8_CONTEXT = 10;

/**
 * A JSON.parse error as "JSON: <what> at column N" (or line and column within a multi-line
 * array element). V8 gives either a position or, for unexpected tokens, a quoted excerpt with
 * 10 characters of context, from which the position is recovered; the excerpt is left out.
 */
export function describeJsonError(error: unknown, text: string, firstLine = 1): string {
  let message = error instanceof Error ? error.message : String(error);
  let position: number | undefined;
  const at = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  const excerpt = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (at) {
    position = +at[1]!;
    message = message.slice(0, at.index);
  } else if (excerpt) {
    const [, token, before, quoted, after] = excerpt;
    position = before ? text.indexOf(quoted!) + V8_CONTEXT : after ? quoted!.length - V8_CONTEXT : text.indexOf(token!);
    message = `Unexpected token ${token}`;
  }
  if (position !== undefined && position >= 0) {
    const preceding = text.slice(0, position);
    const line = firstLine + (preceding.match(/\n/g)?.length ?? 0);
    const column = position - preceding.lastIndexOf('\n');
    message += line === firstLine ? ` at column ${column}` : ` at line ${line}, column ${column}`;
  }
  return `JSON: ${message}`;
}

function toItem(value: unknown, origin: Origin, ctx: ReadContext): InputItem {
  const result = articleFromRecord(value, origin, { htmlToText, fileName: ctx.formatName });
  return 'reason' in result ? problem(origin, result.reason) : article(result);
}

export async function* readJsonLines(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  for await (const { text, line, tooLong } of splitLines(chunks, ctx.limits.maxLineChars)) {
    const origin = { file: ctx.file, line };
    if (tooLong !== undefined) {
      yield problem(origin, tooLongLine(tooLong, ctx.limits.maxLineChars));
      continue;
    }
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield problem(origin, describeJsonError(error, text, line));
      continue;
    }
    yield toItem(value, origin, ctx);
  }
}

interface Scanned {
  text: string;
  line: number;
  /** Inside a top-level array, or a top-level value of its own. */
  inArray: boolean;
}

/**
 * Yields the text of each element of a top-level array, or of each top-level value when the
 * file holds objects one after another. Structural errors (unclosed array) are thrown.
 */
async function* scanJson(chunks: AsyncIterable<string>): AsyncGenerator<Scanned> {
  let line = 1;
  let mode: 'start' | 'array' | 'values' | 'done' = 'start';
  let depth = 0; // nesting inside the current element
  let inString = false;
  let primitive = false;
  let escaped = false;
  let parts: string[] | undefined; // the current element's text so far, when inside one
  let size = 0;
  let startLine = 0;
  for await (const chunk of chunks) {
    let from = 0; // where the current element's text starts in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line++;
      if (parts) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (primitive) {
          // A bare value (number, string, literal) in an array ends at the next "," or "]".
          if (c === ',' || c === ']') {
            parts.push(chunk.slice(from, i));
            yield { text: parts.join(''), line: startLine, inArray: true };
            parts = undefined;
            if (c === ']') mode = 'done';
          }
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        if (depth === 0) {
          parts.push(chunk.slice(from, i + 1));
          yield { text: parts.join(''), line: startLine, inArray: mode === 'array' };
          parts = undefined;
        }
        continue;
      }
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\ufeff') continue;
      if (mode === 'start' && c === '[') {
        mode = 'array';
        continue;
      }
      if (mode === 'array' && (c === ',')) continue;
      if (mode === 'array' && c === ']') {
        mode = 'done';
        continue;
      }
      if (mode === 'done') throw new Error(`JSON: unexpected text after the array at line ${line}`);
      if (mode === 'start') mode = 'values';
      // An element starts here.
      parts = [];
      size = 0;
      from = i;
      startLine = line;
      depth = c === '{' || c === '[' ? 1 : 0;
      primitive = depth === 0;
      inString = c === '"';
      escaped = false;
      if (primitive && mode === 'values') throw new Error(`JSON: expected an array or objects, found "${c}" at line ${line}`);
    }
    if (parts) {
      parts.push(chunk.slice(from));
      size += (chunk.length - from) * 2;
      if (size > MAX_WHOLE_VALUE_BYTES) {
        throw new Error(`JSON: a value starting at line ${startLine} is larger than ${MAX_WHOLE_VALUE_BYTES / 2 ** 20} MB`);
      }
    }
  }
  if (parts || mode === 'array') throw new Error(`JSON: unexpected end of input${mode === 'array' ? ' (the array is not closed)' : ''}`);
}

export async function* readJson(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  let record = 0;
  try {
    for await (const element of scanJson(chunks)) {
      let value: unknown;
      try {
        value = JSON.parse(element.text);
      } catch (error) {
        yield problem({ file: ctx.file, line: element.line, record: ++record }, describeJsonError(error, element.text, element.line));
        continue;
      }
      const wrapped = !element.inArray && wrappedRecords(value);
      if (wrapped) {
        for (const inner of wrapped) yield toItem(inner, { file: ctx.file, record: ++record }, ctx);
      } else {
        yield toItem(value, { file: ctx.file, line: element.line, record: ++record }, ctx);
      }
    }
  } catch (error) {
    yield problem({ file: ctx.file }, error instanceof Error ? error.message : String(error));
  }
}

/** `{"articles": [...]}` and the like: the records are the array inside. */
function wrappedRecords(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const field of WRAPPER_FIELDS) if (Array.isArray(record[field])) return record[field] as unknown[];
  return undefined;
}
