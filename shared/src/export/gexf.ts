/**
 * GEXF 1.2 (Gephi's native format). 1.2draft rather than 1.3 because networkx reads only
 * the draft namespaces, while Gephi reads all of them. Nodes carry their type colour so the
 * graph opens in Gephi looking like it does here.
 */
import type { ExportGraph } from './types.ts';
import { escapeXml, XML_DECLARATION } from './xml.ts';
import { nodeColor } from '../palette.ts';

function rgb(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

function attvalue(id: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<attvalue for="${id}" value="${escapeXml(value)}"/>`;
}

export function toGexf(graph: ExportGraph, modified: Date = new Date()): string {
  const lines = [
    XML_DECLARATION,
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    `  <meta lastmodifieddate="${modified.toISOString().slice(0, 10)}">`,
    '    <creator>guanxi</creator>',
    '    <description>Subgraph exported from the guanxi explorer</description>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    '      <attribute id="n_type" title="type" type="string"/>',
    '      <attribute id="n_weight" title="weight" type="double"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="e_type" title="type" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    const { r, g, b } = rgb(nodeColor(n.type));
    const size = 10 + 4 * Math.log2(1 + Math.max(0, n.weight ?? 0));
    lines.push(
      `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}">` +
        `<attvalues>${attvalue('n_type', n.type)}${attvalue('n_weight', n.weight)}</attvalues>` +
        `<viz:color r="${r}" g="${g}" b="${b}"/><viz:size value="${size.toFixed(2)}"/></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of graph.edges) {
    const label = e.label === undefined ? '' : ` label="${escapeXml(e.label)}"`;
    const weight = e.weight === undefined ? '' : ` weight="${e.weight}"`;
    lines.push(
      `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"${label}${weight}>` +
        `<attvalues>${attvalue('e_type', e.type)}</attvalues></edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
