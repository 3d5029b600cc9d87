import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  csvWriter,
  csvCell,
  isSpace,
  cypherString,
  cypherWriter,
  cytoscapeWriter,
  escapeXml,
  escapeXmlList,
  listText,
  gexfWriter,
  graphmlWriter,
  memorySink,
  nodeLinkWriter,
  type ExportEdge,
  type ExportMeta,
  type ExportNode,
  type GraphWriter,
  type TextSink,
} from '@guanxi/shared';

/** Chinese names plus every character that breaks naive CSV/XML/Cypher writers. */
const nodes: ExportNode[] = [
  { id: 'Person:王新亭', type: 'Person', name: '王新亭', aliases: ['王书记', 'a;b'], articles: 14, firstSeen: '2020-05-01', lastSeen: '2020-05-20', pagerank: 0.0125, degree: 3, community: 1, metricsAt: '2026-12-03T10:00:00Z' },
  { id: 'Organization:高新区党工委', type: 'Organization', name: '高新区党工委', articles: 2 },
  { id: 'a1', type: 'Article', title: '标题 "引号", 逗号 & <尖括号>\n第二行\u0007', date: '2020-05-07', url: 'https://x.test/1' },
  { id: 'Person:=cmd', type: 'Person', name: '=HYPERLINK("x")' },
];
const edges: ExportEdge[] = [
  {
    id: 'Person:王新亭~HOLDS_POSITION~Organization:高新区党工委',
    source: 'Person:王新亭',
    target: 'Organization:高新区党工委',
    type: 'HOLDS_POSITION',
    title: '书记',
    weight: 2,
    articles: 1,
    firstDate: '2020-05-07',
    lastDate: '2020-05-07',
    evidence: ["高新区党工委书记王新亭主持会议。", "it's \\ odd"],
    evidenceArticles: ['a1', 'a1'],
  },
  { id: 'a1~MENTIONS~Person:王新亭', source: 'a1', target: 'Person:王新亭', type: 'MENTIONS', weight: 1 },
];
const meta: ExportMeta = { description: 'test export', exportedAt: '2026-12-03T11:00:00.000Z', filters: { scope: 'whole', types: ['Person'] }, collection: 'bolt://x', generator: 'guanxi' };

/** Writes the graph in two batches each, as a paged export does. */
async function write(make: (sink: TextSink) => GraphWriter): Promise<Map<string, string>> {
  const sink = memorySink();
  const writer = make(sink);
  await writer.begin(meta);
  await writer.nodes(nodes.slice(0, 2));
  await writer.nodes(nodes.slice(2));
  await writer.edges(edges.slice(0, 1));
  await writer.edges(edges.slice(1));
  await writer.end({ nodes: nodes.length, edges: edges.length, truncated: false });
  return sink.files;
}

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '@', isArray: (name) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute', 'attributes'].includes(name) });

describe('CSV for neo4j-admin', () => {
  it('writes typed headers, labels, lists with the array delimiter, a BOM, and a README', async () => {
    const files = await write(csvWriter);
    expect([...files.keys()]).toEqual(['nodes.csv', 'relationships.csv', 'README.md']);
    const [header, wang] = files.get('nodes.csv')!.split('\n');
    expect(header).toMatch(/^\uFEFFid:ID,:LABEL,type,name,title,aliases:string\[\],articles:int,connections:int,firstSeen:date,/);
    expect(header).toContain('pagerank:float,betweenness:float,community:int,metricsAt:datetime');
    expect(wang).toMatch(/^Person:王新亭,Entity;Person,Person,王新亭,,王书记;a；b,14,,2020-05-01,2020-05-20,/);
    expect(files.get('relationships.csv')!.split('\n')[0]).toBe('\uFEFF:START_ID,:END_ID,:TYPE,weight:int,articles:int,firstDate:date,lastDate:date,title,evidence:string[],evidenceArticles:string[],evidenceDates:string[],evidenceUrls:string[]');
    expect(files.get('README.md')).toContain('neo4j-admin database import full');
    expect(files.get('README.md')).toContain('nodes: 4');
  });

  it('quotes commas, quotes and newlines, and defuses formulas', async () => {
    const csv = (await write(csvWriter)).get('nodes.csv')!;
    expect(csv).toContain('"标题 ""引号"", 逗号 & <尖括号>\n第二行\u0007"');
    expect(csv).toContain(`Person:=cmd,Entity;Person,Person,"'=HYPERLINK(""x"")"`);
  });

  it('quotes a cell with white space at either end (full-width too), and only looks at the ends for it', () => {
    expect(csvCell(' 王新亭')).toBe('" 王新亭"');
    expect(csvCell('王新亭\u3000')).toBe('"王新亭\u3000"');
    expect(csvCell('王 新亭')).toBe('王 新亭');
    expect(csvCell(['王新亭', ' 书记 '], 'string[]')).toBe('"王新亭; 书记 "');
    expect(csvCell('\u{20000}')).toBe('\u{20000}');
    expect(csvCell('')).toBe('');
    expect(csvCell([], 'string[]')).toBe('');
  });

  it('joins lists with the delimiter, writing a delimiter inside an item full-width, and defuses a formula in the first item', () => {
    expect(csvCell(['a;b', 'c', 'd;;e'], 'string[]')).toBe('a；b;c;d；；e');
    expect(csvCell(['=1+1', 'x'], 'string[]')).toBe("'=1+1;x");
    expect(csvCell(['说"好"', '逗,号'], 'string[]')).toBe('"说""好"";逗,号"');
    expect(csvCell(-3, 'int')).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
  });

  it('quotes a cell for exactly the white space at its ends that \\s (and trim) would find', () => {
    for (let code = 0; code < 0x10000; code++) expect([code, isSpace(code)]).toEqual([code, /\s/.test(String.fromCharCode(code))]);
    expect(csvCell('\t=x')).toBe("'\t=x");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });
});

describe('XML escaping', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml(`a&b<c>"d"'e'\u0000\u0007\uD800f`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;f');
    expect(escapeXml('王新亭 主持会议。')).toBe('王新亭 主持会议。');
    expect(escapeXml('\u{20000}\uFFFE\t')).toBe('\u{20000}&#9;');
  });

  it('escapes a list as its lines joined, item by item', () => {
    const items = ['王新亭\n书记', `"a" & <b>`, '\uD800', '\uDC00', '\u{20000}', '', ' \r'];
    expect(escapeXmlList(items)).toBe(escapeXml(listText(items)));
    expect(escapeXmlList([])).toBe('');
    expect(escapeXml('王新亭 😀')).toBe('王新亭 😀');
  });
});

describe('GraphML', () => {
  it('is well-formed, with typed keys for every field and the metadata as desc', async () => {
    const xml = (await write(graphmlWriter)).get('graph.graphml')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).graphml;
    expect(doc.desc).toContain('test export');
    const keys = Object.fromEntries(doc.key.map((k: Record<string, string>) => [k['@id'], k['@attr.type']]));
    expect(keys).toMatchObject({ n_label: 'string', n_articles: 'long', n_pagerank: 'double', n_community: 'long', e_weight: 'long', e_evidence: 'string' });
    const article = doc.graph.node[2];
    expect(article.data.find((d: Record<string, string>) => d['@key'] === 'n_label')['#text']).toBe('标题 "引号", 逗号 & <尖括号>\n第二行');
    // Absent fields are absent, not empty: the organization has no metrics.
    expect(doc.graph.node[1].data.map((d: Record<string, string>) => d['@key'])).toEqual(['n_label', 'n_type', 'n_name', 'n_articles']);
    expect(doc.graph.edge).toHaveLength(2);
  });
});

describe('GEXF 1.3', () => {
  it('is well-formed, with typed attributes, colours and spells from the dates', async () => {
    const xml = (await write(gexfWriter)).get('graph.gexf')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml).gexf;
    expect(doc['@xmlns']).toBe('http://gexf.net/1.3');
    expect(doc.graph['@mode']).toBe('dynamic');
    expect(doc.graph['@timeformat']).toBe('date');
    const wang = doc.graph.nodes.node[0];
    expect(wang['@label']).toBe('王新亭');
    expect(wang.attvalues.attvalue).toContainEqual({ '@for': 'n_pagerank', '@value': '0.0125' });
    expect(wang.spells.spell).toEqual({ '@start': '2020-05-01', '@end': '2020-05-20' });
    expect(wang['viz:color']).toEqual({ '@r': '0', '@g': '114', '@b': '178' });
    expect(doc.graph.nodes.node[1].spells).toBeUndefined();
    expect(doc.graph.edges.edge[0]).toMatchObject({ '@weight': '2', '@label': 'HOLDS_POSITION' });
  });
});

describe('JSON', () => {
  it('Cytoscape elements and node-link JSON parse, with only the fields that are set', async () => {
    const cy = JSON.parse((await write(cytoscapeWriter)).get('graph.cyjs')!);
    expect(cy.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(nodes.map((n) => n.id));
    expect(cy.elements.nodes[1].data).toEqual({ id: 'Organization:高新区党工委', type: 'Organization', name: '高新区党工委', articles: 2, label: '高新区党工委' });
    expect(cy.elements.edges[0].data).toMatchObject({ source: 'Person:王新亭', interaction: 'HOLDS_POSITION', evidence: edges[0]!.evidence });
    const nl = JSON.parse((await write(nodeLinkWriter)).get('graph.json')!);
    expect(nl).toMatchObject({ directed: true, multigraph: true, graph: { description: 'test export' } });
    expect(nl.edges.map((e: { key: string }) => e.key)).toEqual(['HOLDS_POSITION', 'MENTIONS']);
  });
});

describe('Cypher script', () => {
  it('escapes strings for Cypher and keeps Chinese as written', () => {
    expect(cypherString("it's \\ a\nb\u0001王")).toBe("'it\\'s \\\\ a\\nb\\u0001王'");
  });

  it('writes one :param line and one UNWIND statement per type in a batch, labels from the fixed lists', async () => {
    const lines = (await write(cypherWriter)).get('graph.cypher')!.split('\n').filter((l) => l && !l.startsWith('//'));
    expect(lines.filter((l) => l.startsWith(':param rows => ['))).toHaveLength(lines.filter((l) => l.startsWith('UNWIND $rows')).length);
    expect(lines).toContain("UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props, n.type = 'Person', n:Person;");
    expect(lines.some((l) => l.includes("metricsAt: datetime('2026-12-03T10:00:00Z')"))).toBe(true);
    expect(lines).toContain('UNWIND $rows AS row MATCH (a:Article {id: row.source}) MATCH (b:Entity {id: row.target}) MERGE (a)-[r:MENTIONS]->(b) SET r += row.props;');
  });
});
