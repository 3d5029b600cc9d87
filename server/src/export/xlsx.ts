/**
 * XLSX through exceljs's streaming writer: a README sheet (what, when, filters, collection), one
 * sheet per entity type, one for articles, one for relationships with their evidence. Each sheet
 * has a frozen header row, filters on, and column widths measured on its first rows, counting a
 * Chinese character as two (exceljs and Excel count characters, and CJK glyphs are double width).
 * Rows are committed as they come, so the workbook never sits in memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EDGE_FIELDS, listText, metaLines, METRIC_FIELDS, type ExportEdge, type ExportNode, type GraphWriter } from '@guanxi/shared';
import { drained } from './sinks.ts';

/** Excel's last row is 1,048,576: a longer list goes on into "Relationships 2" and so on. */
export const MAX_SHEET_ROWS = 1_048_575;

const ENTITY_COLUMNS = ['id', 'name', 'aliases', 'articles', 'connections', 'firstSeen', 'lastSeen', ...METRIC_FIELDS.map((f) => f.key)] as const;
const ARTICLE_COLUMNS = ['id', 'title', 'date', 'source', 'url', 'lang'] as const;
const EDGE_COLUMNS = ['source', 'type', 'target', ...EDGE_FIELDS.map((f) => f.key)] as const;

/** Display width: East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

type Cell = string | number | null;

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return listText(value.map(String));
  return typeof value === 'number' ? value : String(value);
}

type ZipEntry = Writable & { _writableState?: { needDrain?: boolean } };

/** A sheet that sets its column widths from the first rows it is given, then streams. */
class Sheet {
  private sheet: ExcelJS.Worksheet | undefined;
  rows = 0;

  constructor(
    private readonly book: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly name: string,
    private readonly columns: readonly string[],
    readonly base = name,
    readonly part = 1,
  ) {}

  add(rows: Cell[][]): void {
    if (!this.sheet) this.open(rows);
    for (const row of rows) this.sheet!.addRow(row).commit();
    this.rows += rows.length;
  }

  private open(sample: Cell[][]) {
    const widths = this.columns.map((header, i) => {
      let widest = displayWidth(header);
      for (const row of sample) {
        const value = row[i];
        // A cell of several lines is as wide as its widest line.
        if (value !== null && value !== undefined) for (const line of String(value).split('\n')) widest = Math.max(widest, displayWidth(line));
      }
      return Math.min(Math.max(widest + 2, 8), 80);
    });
    this.sheet = this.book.addWorksheet(this.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: this.columns.length } },
    }  as Partial<ExcelJS.AddWorksheetOptions>) as ExcelJS.Worksheet & { commit(): void };
    this.sheet.columns = this.columns.map((header, i) => ({ header, key: header, width: widths[i] }));
    this.sheet.getRow(1).font = { bold: true };
  }

  /**
   * exceljs's sheet stream (a StreamBuf) hands its XML to the zip entry without heeding the entry's
   * backpressure, so when rows come faster than deflate the XML piles up in the entry's buffer
   * (measured: +1.4 GB on 3.4 M rows). Waits until the entry has taken it in.
   */
  async zipped(): Promise<void> {
    const pipes = (this.sheet as unknown as { _stream?: { pipes?: ZipEntry[] } } | undefined)?._stream?.pipes ?? [];
    for (const pipe of pipes) {
      // archiver's entries are readable-stream v2 streams: no writableNeedDrain, the state instead.
      if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) await new Promise((resolve) => pipe.once('drain', resolve));
    }
  }

  commit(): void {
    if (!this.sheet) this.open([]);
    this.sheet!.commit();
  }
}

export function xlsxWriter(stream: Writable, { maxRows = MAX_SHEET_ROWS } = {}): GraphWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  let current: Sheet | undefined;
  const done = new Set<string>();

  /** The open sheet of `base` ("Relationships", then "Relationships 2"… past Excel's row limit). */
  const sheetFor = (base: string, columns: readonly string[]): Sheet => {
    if (current?.base === base) {
      if (current.rows < maxRows) return current;
      current.commit();
      current = new Sheet(book, `${base} ${current.part + 1}`, columns, base, current.part + 1);
      return current;
    }
    current?.commit();
    if (done.has(base)) throw new Error(`XLSX export: rows of sheet "${base}" came after it was closed (nodes must come grouped by type)`);
    done.add(base);
    current = new Sheet(book, base, columns);
    return current;
  };
  const add = async (base: string, columns: readonly string[], rows: Cell[][]) => {
    let rest = rows;
    while (rest.length > 0) {
      const sheet = sheetFor(base, columns);
      const room = maxRows - sheet.rows;
      sheet.add(rest.slice(0, room));
      rest = rest.slice(room);
      await sheet.zipped();
    }
    // exceljs writes into the zip as rows commit; wait when the output is behind.
    await drained(stream);
  };

  return {
    async begin(meta) {
      const readme = new Sheet(book, 'README', ['guanxi export']);
      done.add('README');
      readme.add(metaLines(meta).map((line) => [line]));
      readme.commit();
    },
    async nodes(batch: readonly ExportNode[]) {
      for (let i = 0; i < batch.length; ) {
        const type = batch[i]!.type;
        let j = i;
        while (j < batch.length && batch[j]!.type === type) j++;
        const group = batch.slice(i, j);
        if (type === 'Article') await add('Articles', ARTICLE_COLUMNS, group.map((n) => ARTICLE_COLUMNS.map((c) => cell(n[c]))));
        else await add(type, ENTITY_COLUMNS, group.map((n) => ENTITY_COLUMNS.map((c) => cell(n[c]))));
        i = j;
      }
    },
    async edges(batch: readonly ExportEdge[]) {
      await add('Relationships', EDGE_COLUMNS, batch.map((e) => EDGE_COLUMNS.map((c) => cell(e[c]))));
    },
    async end() {
      if (!done.has('Relationships')) sheetFor('Relationships', EDGE_COLUMNS);
      current?.commit();
      await book.commit();
    },
  };
}
