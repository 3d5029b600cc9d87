/**
 * GEXF 1.3, Gephi's own format. Types and properties are attributes (typed), nodes carry their
 * type's colour so the graph opens in Gephi looking as it does in the explorer, and every node and
 * edge with dated articles behind it has a spell from its first to its last date, so Gephi's
 * timeline plays the graph over time (undated ones are there throughout).
 */
import { nodeColor } from '../palette.ts';
import { EDGE_FIELDS, metaLines, NODE_FIELDS, nodeLabel, type ExportEdge, type ExportNode, type FieldType } from './model.ts';
import { escapeXml, escapeXmlList, XML_DECLARATION } from './xml.ts';
import { present, type GraphWriter, type TextSink } from './writer.ts';

const GEXF_TYPES: Record<FieldType, string> = {
  string: 'string',
  'string[]': 'string',
  int: 'long',
  float: 'double',
  date: 'string',
  datetime: 'string',
};

/** GEXF has its own edge weight; the rest of an edge's fields are attributes. */
const EDGE_ATTRIBUTES = EDGE_FIELDS.filter((f) => f.key !== 'weight');

function rgb(hex: string): string {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return `r="${(value >> 16) & 255}" g="${(value >> 8) & 255}" b="${value & 255}"`;
}

function attvalue(id: string, value: unknown): string {
  if (!present(value)) return '';
  return `<attvalue for="${id}" value="${Array.isArray(value) ? escapeXmlList(value) : escapeXml(value as string | number)}"/>`;
}

function spell(start: string | null | undefined, end: string | null | undefined): string {
  if (!start || !end) return '';
  return `<spells><spell start="${escapeXml(start)}" end="${escapeXml(end)}"/></spells>`;
}

function nodeSpell(n: ExportNode): string {
  return n.type === 'Article' ? spell(n.date, n.date) : spell(n.firstSeen, n.lastSeen);
}

function nodeXml(n: ExportNode): string {
  let values = attvalue('n_type', n.type);
  for (const f of NODE_FIELDS) values += attvalue(`n_${f.key}`, n[f.key]);
  const size = 10 + 4 * Math.log2(1 + Math.max(0, n.articles ?? 0));
  return (
    `      <node id="${escapeXml(n.id)}" label="${escapeXml(nodeLabel(n))}"><attvalues>${values}</attvalues>${nodeSpell(n)}` +
    `<viz:color ${rgb(nodeColor(n.type))}/><viz:size value="${size.toFixed(2)}"/></node>\n`
  );
}

function edgeXml(e: ExportEdge): string {
  let values = attvalue('e_type', e.type);
  for (const f of EDGE_ATTRIBUTES) values += attvalue(`e_${f.key}`, e[f.key]);
  const weight = present(e.weight) ? ` weight="${e.weight}"` : '';
  return (
    `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${e.type}"${weight}>` +
    `<attvalues>${values}</attvalues>${spell(e.firstDate, e.lastDate)}</edge>\n`
  );
}

export function gexfWriter(sink: TextSink, file = 'graph.gexf'): GraphWriter {
  let inEdges = false;
  const toEdges = async () => {
    if (inEdges) return;
    inEdges = true;
    await sink.write('    </nodes>\n    <edges>\n');
  };
  return {
    async begin(meta) {
      await sink.file(file);
      const attributes = (owner: string, prefix: string, fields: readonly { key: string; type: FieldType }[]) => [
        `    <attributes class="${owner}" mode="static">`,
        `      <attribute id="${prefix}_type" title="type" type="string"/>`,
        ...fields.map((f) => `      <attribute id="${prefix}_${f.key}" title="${f.key}" type="${GEXF_TYPES[f.type]}"/>`),
        '    </attributes>',
      ];
      await sink.write(
        [
          XML_DECLARATION,
          '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"' +
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
            ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
          `  <meta lastmodifieddate="${meta.exportedAt.slice(0, 10)}">`,
          `    <creator>${escapeXml(meta.generator)}</creator>`,
          `    <keywords>guanxi, ${escapeXml(meta.collection)}</keywords>`,
          `    <description>${escapeXml(metaLines(meta).join('\n'))}</description>`,
          '  </meta>',
          '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
          ...attributes('node', 'n', NODE_FIELDS),
          ...attributes('edge', 'e', EDGE_ATTRIBUTES),
          '    <nodes>',
          '',
        ].join('\n'),
      );
    },
    async nodes(batch) {
      await sink.write(batch.map(nodeXml).join(''));
    },
    async edges(batch) {
      await toEdges();
      await sink.write(batch.map(edgeXml).join(''));
    },
    async end() {
      await toEdges();
      await sink.write('    </edges>\n  </graph>\n</gexf>\n');
    },
  };
}
