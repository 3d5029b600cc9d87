/** GraphML (http://graphml.graphdrawing.org), readable by Gephi, yEd, networkx and igraph. */
import type { ExportGraph } from './types.ts';
import { escapeXml, XML_DECLARATION } from './xml.ts';

function numberType(values: (number | undefined)[]): 'int' | 'double' {
  return values.every((v) => v === undefined || Number.isInteger(v)) ? 'int' : 'double';
}

function data(key: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<data key="${key}">${escapeXml(value)}</data>`;
}

export function toGraphml(graph: ExportGraph): string {
  const nodeWeight = numberType(graph.nodes.map((n) => n.weight));
  const edgeWeight = numberType(graph.edges.map((e) => e.weight));
  const lines = [
    XML_DECLARATION,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="n_type" for="node" attr.name="type" attr.type="string"/>',
    `  <key id="n_weight" for="node" attr.name="weight" attr.type="${nodeWeight}"/>`,
    '  <key id="e_type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
    `  <key id="e_weight" for="edge" attr.name="weight" attr.type="${edgeWeight}"/>`,
    '  <graph id="guanxi" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    lines.push(
      `    <node id="${escapeXml(n.id)}">${data('n_label', n.label)}${data('n_type', n.type)}${data('n_weight', n.weight)}</node>`,
    );
  }
  for (const e of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
        `${data('e_type', e.type)}${data('e_label', e.label)}${data('e_weight', e.weight)}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
