/**
 * RFC 4180 CSV, one file for nodes and one for edges (the layout Gephi's import wizard and
 * pandas expect). Files start with a UTF-8 byte-order mark: without it Excel opens Chinese
 * text as mojibake.
 */
import type { ExportGraph } from './types.ts';

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * Cells that start with = + - @ are run as formulas by spreadsheet apps (CSV injection);
 * labels come from scraped news, so such cells get a leading apostrophe.
 */
function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: (string | number | undefined)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join(EOL) + EOL;
}

export function nodesCsv(graph: ExportGraph): string {
  return csv(
    ['id', 'type', 'label', 'weight'],
    graph.nodes.map((n) => [n.id, n.type, n.label, n.weight]),
  );
}

export function edgesCsv(graph: ExportGraph): string {
  return csv(
    ['id', 'source', 'target', 'type', 'label', 'weight'],
    graph.edges.map((e) => [e.id, e.source, e.target, e.type, e.label, e.weight]),
  );
}
