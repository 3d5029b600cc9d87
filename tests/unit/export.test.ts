import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { edgesCsv, escapeXml, nodesCsv, toGexf, toGraphml, toJson, type ExportGraph } from '@guanxi/shared';

/** Chinese labels plus every character that breaks naive CSV/XML writers. */
const graph: ExportGraph = {
  nodes: [
    { id: 'Person:王新亭', type: 'Person', label: '王新亭', weight: 14 },
    { id: 'Organization:高新区党工委', type: 'Organization', label: '高新区党工委' },
    { id: 'a1', type: 'Article', label: '标题 "引号", 逗号 & <尖括号>\n第二行\u0007', weight: 3 },
    { id: 'Person:=cmd', type: 'Person', label: '=HYPERLINK("x")' },
  ],
  edges: [
    { id: 'e1', source: 'Person:王新亭', target: 'Organization:高新区党工委', type: 'HOLDS_POSITION', label: '书记', weight: 2 },
    { id: 'e2', source: 'a1', target: 'Person:王新亭', type: 'MENTIONS', weight: 1 },
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '@', isArray: (name) => ['node', 'edge', 'data', 'key', 'attvalue'].includes(name) });

describe('JSON export', () => {
  it('round-trips nodes and edges', () => {
    expect(JSON.parse(toJson(graph))).toEqual({ nodes: graph.nodes, edges: graph.edges });
  });
});

describe('CSV export', () => {
  it('writes a BOM, a header and one CRLF row per node', () => {
    const csv = nodesCsv(graph);
    expect(csv.startsWith('\uFEFFid,type,label,weight\r\n')).toBe(true);
    expect(csv).toContain('Person:王新亭,Person,王新亭,14\r\n');
    expect(csv).toContain('Organization:高新区党工委,Organization,高新区党工委,\r\n');
  });

  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    const csv = nodesCsv(graph);
    expect(csv).toContain('"标题 ""引号"", 逗号 & <尖括号>\n第二行\u0007"');
    expect(csv).toContain(`Person:=cmd,Person,"'=HYPERLINK(""x"")",`);
  });

  it('writes edges with their endpoints', () => {
    const lines = edgesCsv(graph).replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'id,source,target,type,label,weight',
      'e1,Person:王新亭,Organization:高新区党工委,HOLDS_POSITION,书记,2',
      'e2,a1,Person:王新亭,MENTIONS,,1',
    ]);
  });
});

describe('XML escaping', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml(`a&b<c>"d"'e'\u0000\u0007\uD800f`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;f');
    expect(escapeXml('王新亭 😀')).toBe('王新亭 😀');
  });
});

describe('GraphML export', () => {
  const xml = toGraphml(graph);

  it('is well-formed UTF-8 XML', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('keeps ids, labels and attributes intact', () => {
    const doc = parser.parse(xml);
    const g = doc.graphml.graph;
    expect(g['@edgedefault']).toBe('directed');
    expect(g.node.map((n: { '@id': string }) => n['@id'])).toEqual(graph.nodes.map((n) => n.id));
    const article = g.node[2];
    const label = article.data.find((d: { '@key': string }) => d['@key'] === 'n_label')['#text'];
    expect(label).toBe('标题 "引号", 逗号 & <尖括号>\n第二行');
    expect(g.edge[0]).toMatchObject({ '@id': 'e1', '@source': 'Person:王新亭', '@target': 'Organization:高新区党工委' });
    expect(doc.graphml.key.map((k: { '@id': string }) => k['@id'])).toEqual(['n_label', 'n_type', 'n_weight', 'e_type', 'e_label', 'e_weight']);
  });

  it('declares weights as double when a weight is fractional', () => {
    const fractional = toGraphml({ nodes: [{ id: 'x', type: 'Place', label: 'x', weight: 0.5 }], edges: [] });
    expect(fractional).toContain('attr.name="weight" attr.type="double"');
  });
});

describe('GEXF export', () => {
  const xml = toGexf(graph, new Date('2024-03-01T12:00:00Z'));

  it('is well-formed GEXF 1.2', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.gexf['@xmlns']).toBe('http://www.gexf.net/1.2draft');
    expect(doc.gexf.meta['@lastmodifieddate']).toBe('2024-03-01');
  });

  it('carries labels, types, colours and edge weights', () => {
    const g = parser.parse(xml).gexf.graph;
    const person = g.nodes.node[0];
    expect(person['@label']).toBe('王新亭');
    expect(person.attvalues.attvalue).toContainEqual({ '@for': 'n_type', '@value': 'Person' });
    expect(person['viz:color']).toEqual({ '@r': '0', '@g': '114', '@b': '178' });
    expect(g.nodes.node[2]['@label']).toBe('标题 "引号", 逗号 & <尖括号>\n第二行');
    expect(g.edges.edge[0]).toMatchObject({ '@source': 'Person:王新亭', '@label': '书记', '@weight': '2' });
    expect(g.edges.edge[1]['@label']).toBeUndefined();
  });
});
