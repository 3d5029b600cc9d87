/** GraphML (http://graphml.graphdrawing.org) with typed keys: Gephi, yEd, networkx, igraph. */
import { EDGE_FIELDS, metaLines, NODE_FIELDS, nodeLabel, type Field, type FieldType } from './model.ts';
import { escapeXml, escapeXmlList, XML_DECLARATION } from './xml.ts';
import { present, type GraphWriter, type TextSink } from './writer.ts';

const GRAPHML_TYPES: Record<FieldType, string> = {
  string: 'string',
  'string[]': 'string',
  int: 'long',
  float: 'double',
  date: 'string',
  datetime: 'string',
};

const key = (prefix: string, owner: 'node' | 'edge', f: Field<string>) =>
  `  <key id="${prefix}_${f.key}" for="${owner}" attr.name="${f.key}" attr.type="${GRAPHML_TYPES[f.type]}"/>`;

function data(id: string, value: unknown): string {
  if (!present(value)) return '';
  return `<data key="${id}">${Array.isArray(value) ? escapeXmlList(value) : escapeXml(value as string | number)}</data>`;
}

export function graphmlWriter(sink: TextSink, file = 'graph.graphml'): GraphWriter {
  return {
    async begin(meta) {
      await sink.file(file);
      await sink.write(
        [
          XML_DECLARATION,
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
            ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
          `  <desc>${escapeXml(metaLines(meta).join('\n'))}</desc>`,
          '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
          '  <key id="n_type" for="node" attr.name="type" attr.type="string"/>',
          ...NODE_FIELDS.map((f) => key('n', 'node', f)),
          '  <key id="e_type" for="edge" attr.name="type" attr.type="string"/>',
          ...EDGE_FIELDS.map((f) => key('e', 'edge', f)),
          '  <graph id="guanxi" edgedefault="directed">',
          '',
        ].join('\n'),
      );
    },
    async nodes(batch) {
      let text = '';
      for (const n of batch) {
        text += `    <node id="${escapeXml(n.id)}">${data('n_label', nodeLabel(n))}${data('n_type', n.type)}`;
        for (const f of NODE_FIELDS) text += data(`n_${f.key}`, n[f.key]);
        text += '</node>\n';
      }
      await sink.write(text);
    },
    async edges(batch) {
      let text = '';
      for (const e of batch) {
        text += `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${data('e_type', e.type)}`;
        for (const f of EDGE_FIELDS) text += data(`e_${f.key}`, e[f.key]);
        text += '</edge>\n';
      }
      await sink.write(text);
    },
    async end() {
      await sink.write('  </graph>\n</graphml>\n');
    },
  };
}
