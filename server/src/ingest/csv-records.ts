/**
 * CSV records found line by line and parsed one at a time, so that one broken record cannot take
 * good ones with it. A record is complete at a line end once its quotes balance. A quote that never
 * closes (up to the end of the file, or for longer than a record may be) would swallow every row
 * after it, and one that closes by chance lines later makes a record that does not parse; either
 * way only the line the record began on is given up, and reading starts again on the next line,
 * where the next good row most likely begins.
 */
import type { NumberedLine } from './lines.ts';

export type CsvRecord =
  | { kind: 'record'; fields: string[]; line: number }
  /** The record beginning on `line` could not be read: a quote that never closed, or `reason`. */
  | { kind: 'bad'; line: number; reason?: string }
  | { kind: 'tooLong'; line: number; length: number };

/** Parses one record's text into fields, or throws. */
export type ParseRecord = (text: string) => string[];

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

export async function* splitCsvRecords(lines: AsyncIterable<NumberedLine>, maxChars: number, parse: ParseRecord): AsyncGenerator<CsvRecord> {
  let open: NumberedLine[] = [];
  let size = 0;
  let odd = false;
  // Lines of a record given up, to be read again from its second line on.
  const replay: NumberedLine[] = [];

  function* take(l: NumberedLine): Generator<CsvRecord> {
    if (open.length === 0 && l.text.trim() === '') return;
    open.push(l);
    size += l.text.length + 1;
    if (quotes(l.text) % 2 === 1) odd = !odd;
    if (odd) {
      if (size > maxChars) yield* giveUp();
      return;
    }
    let fields: string[];
    try {
      fields = parse(open.map((o) => o.text).join('\n'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (open.length > 1) yield* giveUp(`a quoted field opened on this line does not close where it should (${reason})`);
      else yield { kind: 'bad', line: l.line, reason };
      open = [];
      size = 0;
      return;
    }
    yield { kind: 'record', fields, line: open[0]!.line };
    open = [];
    size = 0;
  }

  function* giveUp(reason?: string): Generator<CsvRecord> {
    const [first, ...rest] = open;
    open = [];
    size = 0;
    odd = false;
    yield { kind: 'bad', line: first!.line, ...(reason !== undefined ? { reason } : {}) };
    replay.unshift(...rest);
  }

  function* drain(): Generator<CsvRecord> {
    while (replay.length > 0) yield* take(replay.shift()!);
  }

  for await (const l of lines) {
    if (l.tooLong !== undefined) {
      // Whatever record was open cannot be whole without this line.
      if (open.length > 0) {
        yield* giveUp();
        yield* drain();
      }
      yield { kind: 'tooLong', line: l.line, length: l.tooLong };
      continue;
    }
    yield* take(l);
    yield* drain();
  }
  while (open.length > 0) {
    yield* giveUp();
    yield* drain();
  }
}
