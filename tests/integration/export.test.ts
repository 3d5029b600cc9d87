/**
 * Exports checked by the programs that read them: networkx reads the GraphML, GEXF and node-link
 * JSON, SheetJS the XLSX, Neo4j itself loads the CSV (LOAD CSV with neo4j-admin's header types) and
 * runs the Cypher script into an emptied database; the counts, types, weights, metrics and Chinese
 * names they find are compared with what Neo4j holds. Then the scopes, GET /export and the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createServer } from '../../server/src/api/server.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { openExport, type ExportFormat } from '../../server/src/export/formats.ts';
import { runExport } from '../../server/src/export/run.ts';
import { parseScope, type ScopeInput } from '../../server/src/export/scope.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READER = path.join(ROOT, 'tests/integration/readers/networkx_read.py');
const WANG = 'Person:王新亭';
const METRICS = { degree: 12, weightedDegree: 40.5, pagerank: 0.0123456789, betweenness: 0.25, community: 3 };

interface NetworkxView {
  class: string;
  nodes: number;
  edges: number;
  nodeTypes: Record<string, number>;
  edgeTypes: Record<string, number>;
  weight: number;
  labels: string[];
  asked: Record<string, Record<string, { value: unknown; type: string }>>;
}

function networkx(format: 'graphml' | 'gexf' | 'nodelink', file: string, ids: string[] = []): NetworkxView {
  const run = spawnSync('python3', [READER, format, file, ...ids], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`networkx could not read the ${format} export: ${run.stderr || run.error}\n(CI installs networkx in scripts/setup.sh --test)`);
  return JSON.parse(run.stdout) as NetworkxView;
}

describe('exports, read back by their consumers', () => {
  let graph: Graph;
  let tmp: string;
  /** What Neo4j holds, counted with plain Cypher (not the export's queries). */
  let truth: {
    types: Record<string, number>;
    articles: number;
    coMentions: number;
    relationEdges: number;
    relationStatements: number;
    coWeight: number;
    mentions: number;
    mentionWeight: number;
    wrote: number;
    names: string[];
  };

  /** Small pages and reads, so that every export here spans many (the sample has a few hundred nodes). */
  async function exportTo(format: ExportFormat, input: ScopeInput, name: string, page = 7, parallel?: number) {
    const file = path.join(tmp, name);
    const output = format === 'csv' && !name.endsWith('.zip') ? { folder: file } : { stream: fs.createWriteStream(file) };
    const out = openExport(format, output);
    const summary = await runExport(graph, parseScope(input), out.writer, { collection: 'test collection', page, rows: page * 3, parallel, now: new Date('2026-12-03T12:00:00Z') });
    await out.close();
    return { file, summary };
  }

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-export-'));
    await runImport(graph, readInputs([path.resolve(ROOT, 'samples/gaoxin-2020-05.txt')]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
    // What `guanxi analyze` (another module) stores on entities: the exports must carry it.
    await graph.write(
      `MATCH (e:Entity {id: $id}) SET e += $metrics, e.metricsAt = datetime('2026-12-03T10:00:00Z')`,
      { id: WANG, metrics: METRICS },
    );
    const [row] = await graph.read<typeof truth & { typeRows: { type: string; n: number }[] }>(`
      CALL { MATCH (e:Entity) RETURN collect({type: e.type, n: 1}) AS typeRows, collect(e.name) AS names }
      CALL { MATCH (a:Article) RETURN count(a) AS articles }
      CALL { MATCH ()-[c:CO_MENTIONED]->() RETURN count(c) AS coMentions, sum(c.weight) AS coWeight }
      CALL { MATCH (x)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(y) RETURN count(DISTINCT [x, type(r), y]) AS relationEdges, count(r) AS relationStatements }
      CALL { MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN count(m) AS mentions, sum(m.count) AS mentionWeight }
      CALL { MATCH (:Entity)-[w:WROTE]->(:Article) RETURN count(w) AS wrote }
      RETURN typeRows, names, articles, coMentions, coWeight, relationEdges, relationStatements, mentions, mentionWeight, wrote`);
    const types: Record<string, number> = {};
    for (const t of row!.typeRows) types[t.type] = (types[t.type] ?? 0) + 1;
    truth = { ...row!, types };
    expect(truth.names).toContain('王新亭');
    expect(truth.coMentions).toBeGreaterThan(10);
  }, 240_000);

  afterAll(async () => {
    await emptyDatabase(graph);
    await graph.driver.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const connectionEdges = () => truth.coMentions + truth.relationEdges;
  const entityCount = () => Object.values(truth.types).reduce((a, b) => a + b, 0);

  it('networkx reads GraphML, GEXF and node-link JSON with Neo4j’s counts, types, weights and metrics', async () => {
    for (const [format, name] of [['graphml', 'g.graphml'], ['gexf', 'g.gexf'], ['nodelink', 'g.json']] as const) {
      const { file, summary } = await exportTo(format, { articles: true }, name);
      const view = networkx(format, file, [WANG, 'Organization:高新区党工委']);
      const where = `${format}: ${JSON.stringify({ ...view, labels: undefined })}`;
      expect(view.class, where).toBe('MultiDiGraph');
      expect(view.nodes, where).toBe(entityCount() + truth.articles);
      expect(view.edges, where).toBe(connectionEdges() + truth.mentions + truth.wrote);
      expect(summary, where).toEqual({ nodes: view.nodes, edges: view.edges, truncated: false });
      expect(view.nodeTypes, where).toEqual({ ...truth.types, Article: truth.articles });
      expect(view.edgeTypes.CO_MENTIONED, where).toBe(truth.coMentions);
      expect(view.edgeTypes.MENTIONS, where).toBe(truth.mentions);
      expect(view.weight, where).toBe(truth.coWeight + truth.relationStatements + truth.mentionWeight + truth.wrote);
      const wang = view.asked[WANG]!;
      expect(wang.label!.value, where).toBe('王新亭');
      expect(wang.type!.value, where).toBe('Person');
      expect(wang.pagerank, where).toEqual({ value: METRICS.pagerank, type: 'float' });
      expect(wang.betweenness, where).toEqual({ value: METRICS.betweenness, type: 'float' });
      expect(wang.degree, where).toEqual({ value: METRICS.degree, type: 'int' });
      expect(wang.community, where).toEqual({ value: METRICS.community, type: 'int' });
      expect(String(wang.metricsAt!.value), where).toMatch(/^2026-12-03T10:00/);
      // An entity without metrics has none, rather than zeros.
      const other = view.asked['Organization:高新区党工委'];
      if (other) expect(other.pagerank, where).toBeUndefined();
      if (format === 'gexf') expect(JSON.stringify(wang.spells?.value), where).toMatch(/2020-05/);
      for (const name of truth.names) expect(view.labels, `${format} label ${name}`).toContain(name);
    }
  });

  it('reads at once (key ranges side by side) write the same nodes in the same order and the same links as one read at a time', async () => {
    for (const input of [{ articles: true }, { types: 'Person,Organization' }] satisfies ScopeInput[]) {
      const read = async (parallel: number) => {
        const { file, summary } = await exportTo('csv', input, `lanes-${parallel}-${Object.keys(input)[0]}`, 5, parallel);
        const text = (name: string) => fs.readFileSync(path.join(file, name), 'utf8');
        return { summary, nodes: text('nodes.csv'), links: text('relationships.csv').split('\n'), readme: text('README.md') };
      };
      const one = await read(1);
      expect(one.links.length).toBeGreaterThan(20);
      for (const parallel of [2, 3]) {
        const many = await read(parallel);
        expect(many.summary, `${parallel} at once`).toEqual(one.summary);
        expect(many.nodes).toBe(one.nodes);
        expect(many.readme).toBe(one.readme);
        expect(many.links[0]).toBe(one.links[0]);
        expect([...many.links].sort()).toEqual([...one.links].sort());
      }
    }
  });

  it('every Chinese name survives byte for byte in every text format', async () => {
    const files: Buffer[] = [];
    for (const [format, name] of [['graphml', 'b.graphml'], ['gexf', 'b.gexf'], ['json', 'b.json'], ['cyjs', 'b.cyjs'], ['nodelink', 'b.nl.json'], ['cypher', 'b.cypher']] as const) {
      files.push(fs.readFileSync((await exportTo(format, {}, name)).file));
    }
    const csv = await exportTo('csv', {}, 'b-csv');
    files.push(fs.readFileSync(path.join(csv.file, 'nodes.csv')));
    for (const bytes of files) for (const name of truth.names) expect(bytes.includes(Buffer.from(name, 'utf8')), name).toBe(true);
    // Cytoscape.js elements parse as such.
    const cyjs = JSON.parse(files[3]!.toString('utf8'));
    expect(cyjs.elements.nodes).toHaveLength(entityCount());
    expect(cyjs.elements.edges).toHaveLength(connectionEdges());
    expect(cyjs.elements.nodes.find((n: { data: { id: string } }) => n.data.id === WANG).data).toMatchObject({ name: '王新亭', type: 'Person', ...METRICS });
  });

  it('SheetJS reads the XLSX: README, a sheet per entity type, articles, relationships with evidence; frozen header, filters, widths', async () => {
    const { file } = await exportTo('xlsx', { articles: true }, 'g.xlsx');
    const book = XLSX.read(fs.readFileSync(file), { type: 'buffer', bookFiles: true, cellStyles: true });
    const entitySheets = Object.keys(truth.types).sort();
    expect(book.SheetNames).toEqual(['README', ...entitySheets, 'Articles', 'Relationships']);
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet]!);
    for (const type of entitySheets) expect(rows(type), type).toHaveLength(truth.types[type]!);
    expect(rows('Articles')).toHaveLength(truth.articles);
    const links = rows('Relationships');
    expect(links).toHaveLength(connectionEdges() + truth.mentions + truth.wrote);
    const wang = rows('Person').find((r) => r.id === WANG)!;
    expect(wang).toMatchObject({ name: '王新亭', ...METRICS });
    const [people] = await graph.read<{ names: string[] }>(`MATCH (e:Person) RETURN collect(e.name) AS names`);
    expect(rows('Person').map((r) => r.name).sort()).toEqual(people!.names.sort());
    const co = links.find((r) => r.type === 'CO_MENTIONED' && (r.source === WANG || r.target === WANG) && Number(r.weight) > 0)!;
    expect(String(co.evidence)).toContain('王新亭');
    expect(String(co.evidenceArticles).length).toBeGreaterThan(0);
    const person = book.Sheets.Person!;
    expect(person['!autofilter']?.ref).toMatch(/^A1:[A-Z]+1$/);
    // Widths fit Chinese: the name column is at least twice as wide as the longest name has characters.
    const longest = Math.max(...rows('Person').map((r) => String(r.name).length));
    expect(person['!cols']![1]!.wch ?? person['!cols']![1]!.width).toBeGreaterThanOrEqual(2 * longest);
    const files = (book as unknown as { files: Record<string, { content: Uint8Array }> }).files;
    const sheetXml = Object.entries(files).find(([name]) => /worksheets\/sheet\d+\.xml$/.test(name) && name.endsWith('sheet3.xml'))!;
    expect(Buffer.from(sheetXml[1].content).toString('utf8')).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
  });

  it('scopes: ego network, view, date window, types, with and without articles', async () => {
    const neighbours = await graph.read<{ id: string }>(
      `MATCH (:Entity {id: $id})-[:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m:Entity) RETURN DISTINCT m.id AS id`,
      { id: WANG },
    );
    const ego = networkx('nodelink', (await exportTo('nodelink', { scope: 'ego', ids: WANG, depth: 1 }, 'ego.json')).file);
    expect(ego.nodes).toBe(neighbours.length + 1);
    expect(ego.nodeTypes.Article).toBeUndefined();

    const egoArticles = networkx('nodelink', (await exportTo('nodelink', { scope: 'ego', ids: WANG, depth: 1, articles: true }, 'ego-a.json')).file);
    const [{ n: wangArticles } = { n: 0 }] = await graph.read<{ n: number }>(
      `MATCH (:Entity {id: $id})<-[:MENTIONS]-(a:Article) WHERE EXISTS { (a)-[:MENTIONS]->() } RETURN count(DISTINCT a) AS n`,
      { id: WANG },
    );
    expect(egoArticles.nodeTypes.Article).toBeGreaterThanOrEqual(wangArticles);
    expect(egoArticles.edgeTypes.MENTIONS).toBeGreaterThan(0);

    const people = networkx('nodelink', (await exportTo('nodelink', { types: 'Person' }, 'people.json')).file);
    expect(people.nodeTypes).toEqual({ Person: truth.types.Person });

    const view = [WANG, ...neighbours.slice(0, 2).map((n) => n.id)];
    const viewed = networkx('nodelink', (await exportTo('nodelink', { scope: 'view', ids: view }, 'view.json')).file);
    expect(viewed.nodes).toBe(3);

    const [dates] = await graph.read<{ first: string; last: string }>(`MATCH (a:Article) WHERE a.date IS NOT NULL RETURN min(a.date) AS first, max(a.date) AS last`);
    const day = dates!.first.slice(0, 10);
    const windowed = await exportTo('nodelink', { from: day, to: day, articles: true }, 'window.json');
    const data = JSON.parse(fs.readFileSync(windowed.file, 'utf8'));
    const [{ n: sameDay }] = (await graph.read<{ n: number }>(`MATCH (a:Article) WHERE substring(a.date, 0, 10) = $day RETURN count(a) AS n`, { day })) as [{ n: number }];
    expect(data.nodes.filter((n: { type: string }) => n.type === 'Article')).toHaveLength(sameDay);
    for (const n of data.nodes.filter((n: { type: string }) => n.type !== 'Article')) expect(n.firstSeen <= day && n.lastSeen >= day, n.id).toBe(true);
    const ids = new Set(data.nodes.map((n: { id: string }) => n.id));
    for (const e of data.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    expect(data.graph.filters).toMatchObject({ from: day, to: day, articles: true });
    expect(() => parseScope({ from: '2020-13-40' })).toThrow(/YYYY-MM-DD/);
    expect(() => parseScope({ types: 'Spy' })).toThrow(/unknown entity type Spy/);
  });

  it('GET /export streams a download with Content-Disposition, POST takes a JSON body; bad requests get a 400, other methods a 405', async () => {
    const server = createServer({ graph: graph.with({ readTimeoutMs: 30_000 }), graphiql: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await fetch(`${base}/export?format=gexf&scope=ego&ids=${encodeURIComponent(WANG)}&depth=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="guanxi-\d{8}-\d{4}\.gexf"$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const file = path.join(tmp, 'http.gexf');
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      expect(networkx('gexf', file, [WANG]).asked[WANG]!.label!.value).toBe('王新亭');

      const zip = await fetch(`${base}/export?format=csv`);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const zipFile = path.join(tmp, 'http.zip');
      fs.writeFileSync(zipFile, Buffer.from(await zip.arrayBuffer()));
      const listed = execFileSync('python3', ['-c', 'import sys,zipfile; print(sorted(zipfile.ZipFile(sys.argv[1]).namelist()))', zipFile], { encoding: 'utf8' });
      expect(listed.trim()).toBe("['README.md', 'nodes.csv', 'relationships.csv']");

      const bad = await fetch(`${base}/export?format=gexf&from=yesterday`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/from must be a date/);
      expect((await fetch(`${base}/export?format=doc`)).status).toBe(400);
      expect((await fetch(`${base}/export?format=gexf`, { method: 'PUT' })).status).toBe(405);
      expect((await fetch(`${base}/export`, { method: 'POST', body: 'format=gexf' })).status).toBe(415);
      // A view too long for a URL goes as a JSON body.
      const posted = await fetch(`${base}/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'nodelink', scope: 'view', ids: [WANG, 'Organization:高新区党工委'] }),
      });
      expect(posted.status).toBe(200);
      expect((await posted.json()).nodes.map((n: { id: string }) => n.id).sort()).toEqual(['Organization:高新区党工委', WANG]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('guanxi export writes a file with a summary line; a bad format is a usage error', () => {
    const { uri, user, password, database } = inject('neo4j');
    const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, ...(database ? { NEO4J_DATABASE: database } : {}) };
    const out = path.join(tmp, 'cli.graphml');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'server/bin/guanxi.js'), 'export', '--out', out, '--ego', WANG, '--depth', '2'], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/exported \d+ nodes and \d+ edges as graphml to .*cli\.graphml/);
    expect(networkx('graphml', out, [WANG]).asked[WANG]!.label!.value).toBe('王新亭');
    const wrong = spawnSync(process.execPath, [path.join(ROOT, 'server/bin/guanxi.js'), 'export', '--format', 'doc', '--out', out], { env, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/unknown export format "doc"/);
  });

  describe('into a fresh database', () => {
    /** What the export holds, to compare with what Neo4j makes of the files. */
    let expected: { nodes: number; byLabel: Record<string, number>; byType: Record<string, number>; co: { source: string; target: string; weight: number; evidence: string[]; firstDate: string } };
    let csvDir: string;
    let script: string;

    beforeAll(async () => {
      csvDir = (await exportTo('csv', { articles: true }, 'fresh-csv')).file;
      script = fs.readFileSync((await exportTo('cypher', { articles: true }, 'fresh.cypher', 200)).file, 'utf8');
      const [co] = await graph.read<typeof expected.co>(
        `MATCH (a:Entity {id: $id})-[c:CO_MENTIONED]-(b) RETURN startNode(c).id AS source, endNode(c).id AS target, c.weight AS weight, split(c.evidence, '\\u001e') AS evidence, c.firstDate AS firstDate ORDER BY c.weight DESC, b.id LIMIT 1`,
        { id: WANG },
      );
      expected = {
        nodes: entityCount() + truth.articles,
        byLabel: { ...truth.types, Entity: entityCount(), Article: truth.articles },
        byType: { CO_MENTIONED: truth.coMentions, MENTIONS: truth.mentions, WROTE: truth.wrote },
        co: co!,
      };
    });

    async function compare(kind: string) {
      const [row] = await graph.read<{ nodes: number; labels: { label: string; n: number }[]; types: { type: string; n: number }[] }>(`
        CALL { MATCH (n) WHERE NOT n:GuanxiMeta RETURN count(n) AS nodes }
        CALL { MATCH (n) WHERE NOT n:GuanxiMeta UNWIND labels(n) AS label WITH label, count(*) AS n RETURN collect({label: label, n: n}) AS labels }
        CALL { MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n RETURN collect({type: type, n: n}) AS types }
        RETURN nodes, labels, types`);
      expect(row!.nodes, kind).toBe(expected.nodes);
      const labels = Object.fromEntries(row!.labels.map((l) => [l.label, l.n]));
      expect(labels, kind).toEqual(expected.byLabel);
      const types = Object.fromEntries(row!.types.map((t) => [t.type, t.n]));
      expect(types, kind).toMatchObject(expected.byType);
      const [wang] = await graph.read(`MATCH (e:Person {id: $id}) RETURN e.name AS name, e.pagerank AS pagerank, e.degree AS degree, toString(e.metricsAt) AS metricsAt`, { id: WANG });
      expect(wang, kind).toMatchObject({ name: '王新亭', pagerank: METRICS.pagerank, degree: METRICS.degree });
      expect(String(wang!.metricsAt), kind).toMatch(/^2026-12-03T10:00/);
      const [co] = await graph.read<{ weight: number; evidence: string[]; firstDate: unknown }>(
        `MATCH (:Entity {id: $source})-[c:CO_MENTIONED]->(:Entity {id: $target}) RETURN c.weight AS weight, c.evidence AS evidence, toString(c.firstDate) AS firstDate`,
        { source: expected.co.source, target: expected.co.target },
      );
      expect(co, kind).toEqual({ weight: expected.co.weight, evidence: expected.co.evidence, firstDate: expected.co.firstDate.slice(0, 10) });
    }

    it('the Cypher script, run statement by statement as cypher-shell does, recreates the selection', async () => {
      await emptyDatabase(graph);
      let params: Record<string, unknown> = {};
      for (const line of script.split('\n')) {
        if (line.trim() === '' || line.startsWith('//')) continue;
        const param = /^:param (\w+) => (.*);$/.exec(line);
        // cypher-shell evaluates a :param expression on the server, then sends it with the statements after it.
        if (param) params = { [param[1]!]: (await graph.read(`RETURN ${param[2]} AS value`))[0]!.value };
        else await graph.write(line.replace(/;$/, ''), params);
      }
      await compare('cypher script');
    });

    it('the CSV loads into Neo4j by its neo4j-admin headers (LOAD CSV over HTTP) with the same counts and properties', async () => {
      await emptyDatabase(graph);
      const files = http.createServer((req, res) => fs.createReadStream(path.join(csvDir, path.basename(req.url ?? ''))).pipe(res));
      await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
      const url = (name: string) => `http://127.0.0.1:${(files.address() as AddressInfo).port}/${name}`;
      try {
        // neo4j-admin's header semantics, emulated: `name:type` columns converted, :LABEL split on ';'.
        const convert = (column: string) => {
          const [key, type] = column.split(':') as [string, string | undefined];
          const value = `row.\`${column}\``;
          const converted = { int: `toInteger(${value})`, float: `toFloat(${value})`, date: `date(${value})`, datetime: `datetime(${value})`, 'string[]': `split(${value}, ';')` }[type ?? ''] ?? value;
          return `\`${key}\`: ${converted}`;
        };
        const header = (file: string) => fs.readFileSync(path.join(csvDir, file), 'utf8').replace(/^\uFEFF/, '').split('\n')[0]!.split(',');
        const nodeProps = header('nodes.csv').filter((c) => !c.startsWith(':') && c !== 'id:ID').map(convert).join(', ');
        await graph.write(
          `LOAD CSV WITH HEADERS FROM $url AS row CREATE (n {id: row.\`id:ID\`}) SET n = {id: row.\`id:ID\`, ${nodeProps}} SET n:$(split(row.\`:LABEL\`, ';'))`,
          { url: url('nodes.csv') },
        );
        await graph.write('CREATE INDEX csv_id IF NOT EXISTS FOR (n:Entity) ON (n.id)');
        const relProps = header('relationships.csv').filter((c) => !c.startsWith(':')).map(convert).join(', ');
        await graph.write(
          `LOAD CSV WITH HEADERS FROM $url AS row MATCH (a {id: row.\`:START_ID\`}) MATCH (b {id: row.\`:END_ID\`}) CREATE (a)-[r:$(row.\`:TYPE\`)]->(b) SET r = {${relProps}}`,
          { url: url('relationships.csv') },
        );
        await compare('csv');
        // A dated pair: an undated one has no firstDate (its empty cell loads as null), and after the
        // previous tests' deletions the first relationship found is any pair, not the CSV's first.
        const [dated] = await graph.read(`MATCH ()-[c:CO_MENTIONED]->() WHERE c.firstDate IS NOT NULL RETURN valueType(c.firstDate) AS type LIMIT 1`);
        expect(dated!.type).toMatch(/^DATE/);
      } finally {
        await new Promise((resolve) => files.close(resolve));
      }
    });
  });
});
