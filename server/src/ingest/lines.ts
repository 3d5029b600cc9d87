/** One line of a text stream with its 1-based number, line ending removed. */
export interface NumberedLine {
  text: string;
  line: number;
}

/**
 * Splits decoded chunks into lines (\n, \r\n or \r) while streaming, holding at most one
 * partial line. Used by JSONL and the text/page reader, which both need line numbers.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  let carry = '';
  let line = 0;
  let pendingCR = false;
  for await (const chunk of chunks) {
    let text = carry + chunk;
    // A \r at the end of the previous chunk may be the first half of \r\n.
    if (pendingCR && text.startsWith('\n')) text = text.slice(1);
    pendingCR = false;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield { text: text.slice(start, i), line: ++line };
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else {
          pendingCR = true;
        }
      }
      start = i + 1;
    }
    carry = text.slice(start);
  }
  if (carry !== '') yield { text: carry, line: ++line };
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
