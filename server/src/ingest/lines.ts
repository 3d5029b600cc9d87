import { megabytesText } from './limits.ts';

/** One line of a text stream with its 1-based number, line ending removed. */
export interface NumberedLine {
  text: string;
  line: number;
  /** Set when the line was longer than the limit: its length in characters; `text` is then empty. */
  tooLong?: number;
}

/**
 * Splits decoded chunks into lines (\n, \r\n or \r) while streaming. Each character is looked at
 * once: a partial line is kept as a list of pieces and joined when its end comes, since gluing it
 * to every new chunk made one long line cost quadratic time. A line past `maxChars` is not kept
 * at all (only counted), so memory stays bounded whatever the input.
 */
export async function* splitLines(chunks: AsyncIterable<string>, maxChars = Infinity): AsyncGenerator<NumberedLine> {
  let parts: string[] = [];
  let size = 0; // characters of the current line so far, kept or not
  let line = 0;
  let pendingCR = false;
  const finish = (last: string): NumberedLine => {
    const total = size + last.length;
    const out: NumberedLine = total > maxChars ? { text: '', line: ++line, tooLong: total } : { text: parts.length > 0 ? parts.join('') + last : last, line: ++line };
    parts = [];
    size = 0;
    return out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    // A \r at the end of the previous chunk may be the first half of \r\n.
    if (pendingCR && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 10) start = 1;
      pendingCR = false;
    }
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield finish(chunk.slice(start, i));
      if (c === 13) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === 10) i++;
        } else {
          pendingCR = true;
        }
      }
      start = i + 1;
    }
    if (start < chunk.length) {
      if (size + chunk.length - start <= maxChars) parts.push(chunk.slice(start));
      else parts = [];
      size += chunk.length - start;
    }
  }
  if (size > 0) yield finish('');
}

/** The problem text for a line `splitLines` dropped. */
export function tooLongLine(length: number, maxChars: number): string {
  return `line of ${megabytesText(length)} is longer than the limit of ${megabytesText(maxChars)} (GUANXI_MAX_LINE_MB / --max-line-mb); skipped, the rest of the file is read`;
}

/** Reads all chunks into one string, refusing inputs above `limitBytes` (counted in UTF-16 units * 2). */
export async function readAll(chunks: AsyncIterable<string>, limitBytes: number, what: string): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length * 2;
    if (size > limitBytes) {
      throw new Error(`${what} larger than ${Math.round(limitBytes / 2 ** 20)} MB; it cannot be read whole`);
    }
    parts.push(chunk);
  }
  return parts.join('');
}
