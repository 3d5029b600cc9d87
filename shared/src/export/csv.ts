/**
 * CSV for `neo4j-admin database import` (and pandas, and Excel): nodes.csv and relationships.csv
 * with typed headers (`id:ID`, `:LABEL`, `articles:int`, `firstDate:date`, `aliases:string[]`…)
 * and a README.md, each file starting with a UTF-8 byte-order mark — without it Excel opens
 * Chinese as mojibake (neo4j-admin and LOAD CSV skip it).
 */
import { EDGE_FIELDS, metaLines, NODE_FIELDS, type ExportEdge, type ExportMeta, type ExportNode, type ExportSummary, type Field, type FieldType } from './model.ts';
import { present, type GraphWriter, type TextSink } from './writer.ts';

const BOM = '\uFEFF';
const EOL = '\n';
/** neo4j-admin's default; a `;` inside a list item is written as the full-width `；`. */
export const ARRAY_DELIMITER = ';';

export const CSV_FILES = { nodes: 'nodes.csv', relationships: 'relationships.csv', readme: 'README.md' } as const;

const ADMIN_TYPES: Record<FieldType, string> = {
  string: '',
  'string[]': ':string[]',
  int: ':int',
  float: ':float',
  date: ':date',
  datetime: ':datetime',
};

const header = (fields: readonly Field<string>[]) => fields.map((f) => `${f.key}${ADMIN_TYPES[f.type]}`);

/**
 * Text cells that start with = + - @ are run as formulas by spreadsheet apps (CSV injection);
 * names come from scraped news, so such cells get a leading apostrophe. Typed columns are numbers
 * and dates, never formulas.
 */
export function csvCell(value: unknown, type: FieldType = 'string'): string {
  if (!present(value)) return '';
  // Numbers are written as they are: never a formula, never quoted. (Most cells of a large export.)
  if (typeof value === 'number' && type !== 'string' && type !== 'string[]') return String(value);
  let text = Array.isArray(value) ? listCell(value) : typeof value === 'string' ? value : String(value);
  if (text === '') return text;
  if ((type === 'string' || type === 'string[]') && isFormulaStart(text.charCodeAt(0))) text = `'${text}`;
  // The ends are looked at, not the whole cell (a regex for \s$ would scan it): evidence cells are
  // most of an export's text, and QUOTE's scan is the only one over it.
  return QUOTE.test(text) || isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? `"${text.replace(/"/g, '""')}"` : text;
}

const QUOTE = /[",\r\n]/;

/** = + - @ tab CR: what spreadsheet apps would run as a formula. (A char code, not a regex: every text cell.) */
function isFormulaStart(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

/**
 * White space (what trim() would remove: JavaScript's \s, the ideographic space among it) at either
 * end is quoted, so that readers keep it. Most ends are letters, ruled out by the first test.
 */
export function isSpace(code: number): boolean {
  if (code > 0x20 && code < 0xa0) return false;
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Items joined by the array delimiter (a delimiter inside an item written full-width), as one flat string. */
function listCell(values: readonly unknown[]): string {
  let text = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let item = typeof value === 'string' ? value : String(value);
    if (item.includes(ARRAY_DELIMITER)) item = item.replaceAll(ARRAY_DELIMITER, '；');
    text = i === 0 ? item : text + ARRAY_DELIMITER + item;
  }
  return text;
}

const row = (cells: string[]) => cells.join(',') + EOL;

export function csvWriter(sink: TextSink): GraphWriter {
  let meta: ExportMeta;
  let edgesStarted = false;
  const startEdges = async () => {
    if (edgesStarted) return;
    edgesStarted = true;
    await sink.file(CSV_FILES.relationships);
    await sink.write(BOM + row([':START_ID', ':END_ID', ':TYPE', ...header(EDGE_FIELDS)]));
  };
  return {
    async begin(m) {
      meta = m;
      await sink.file(CSV_FILES.nodes);
      await sink.write(BOM + row(['id:ID', ':LABEL', 'type', ...header(NODE_FIELDS)]));
    },
    async nodes(batch: readonly ExportNode[]) {
      let text = '';
      for (const n of batch) {
        const labels = n.type === 'Article' ? 'Article' : `Entity;${n.type}`;
        text += `${csvCell(n.id)},${labels},${n.type}`;
        for (const f of NODE_FIELDS) text += ',' + csvCell(n[f.key], f.type);
        text += EOL;
      }
      await sink.write(text);
    },
    async edges(batch: readonly ExportEdge[]) {
      await startEdges();
      let text = '';
      for (const e of batch) {
        text += `${csvCell(e.source)},${csvCell(e.target)},${e.type}`;
        for (const f of EDGE_FIELDS) text += ',' + csvCell(e[f.key], f.type);
        text += EOL;
      }
      await sink.write(text);
    },
    async end(summary: ExportSummary) {
      await startEdges();
      await sink.file(CSV_FILES.readme);
      await sink.write(BOM + readme(meta, summary));
    },
  };
}

function readme(meta: ExportMeta, summary: ExportSummary): string {
  return [
    '# guanxi export',
    '',
    ...metaLines(meta, summary),
    '',
    '## Files',
    '',
    '- `nodes.csv`: articles and entities (labels `Article`, or `Entity` and its type), with the metrics of `guanxi analyze` where computed.',
    '- `relationships.csv`: CO_MENTIONED (weight = sentences naming both), HOLDS_POSITION, PART_OF, LOCATED_IN and the events (MET, VISITED, SIGNED, FOUNDED, INVESTED_IN, DONATED_TO, PAIRED_WITH; weight = statements), MENTIONS and WROTE, with evidence sentences and the id, date and url of the article of each.',
    '',
    '## Load into Neo4j',
    '',
    '```',
    `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter="${ARRAY_DELIMITER}" --multiline-fields=true neo4j`,
    '```',
    '',
    `Lists are joined with \`${ARRAY_DELIMITER}\` (a \`${ARRAY_DELIMITER}\` inside an item is written as \`；\`). Text starting with = + - @ has a leading \`'\` so that spreadsheets do not run it as a formula.`,
    '',
  ].join('\n');
}
