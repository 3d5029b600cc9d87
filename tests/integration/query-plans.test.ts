/**
 * Every query the API sends is an index seek: this reads each one's EXPLAIN plan (on a database
 * holding the sample page) and fails on an operator that reads every node of a label, every
 * relationship, or a whole index. On a collection of 100,000 articles such an operator costs
 * tens of milliseconds a request; here it would cost nothing, so only the plan can tell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../server/src/analytics/run.ts';
import { cypher } from '../../server/src/graph/cypher.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { SORT_KEYS } from '../../server/src/graph/rankings.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const SCANS = /^(NodeByLabelScan|AllNodesScan|NodeIndexScan|\w*AllRelationshipsScan|\w*RelationshipTypeScan|\w*RelationshipIndexScan|IntersectionNodeByLabelsScan|UnionNodeByLabelsScan)$/;

const WANG = 'Person:王新亭';
const window = { from: '2020-01-01', to: '2020-12-31~' };

/** Parameters each API query is explained with; a query file missing here fails the test. */
const PARAMS: Record<string, Record<string, unknown>> = {
  'api/article-authors': { id: 'art-1' },
  'api/article-mentions': { id: 'art-1' },
  'api/articles-by-id': { ids: ['art-1'] },
  'api/edge': { source: WANG, type: 'CO_MENTIONED', target: 'Organization:高新区党工委' },
  'api/edges-among': { ids: [WANG, 'Organization:高新区党工委'] },
  'api/entities-by-id': { ids: [WANG] },
  'api/entity-articles': { id: WANG, first: 10 },
  'api/entity-positions': { id: WANG },
  'api/entity-wrote': { id: WANG },
  'api/neighbors': { ids: [WANG], exclude: [WANG], types: null, limit: 10, scan: 10000, from: null, to: null },
  'api/nodes': { ids: [WANG] },
  'api/stats': {},
  'api/entities-ranked': { k: 1000, id: '', first: 10 },
  'api/entities-of-type-ranked': { type: 'Person', k: 1000, id: '', first: 10 },
  'api/entities-by-name': { k: '', id: '', first: 10 },
  'api/entities-of-type-by-name': { type: 'Person', k: '', id: '', first: 10 },
  'api/entities-in-window': { ...window, type: null, by: 'articles', k: 1000, id: '', first: 10 },
  // Exports (cypher/export/): whole-collection pages are range seeks on the id index, the rest seeks by id.
  'export/counts': {},
  'export/entities-page': { after: '', page: 10, types: null, from: null, to: null },
  'export/articles-page': { after: '', page: 10, ...window },
  'export/co-mentions-page': { after: '', upTo: '\uffff', page: 10, separator: '\u001f', types: ['Person'], ...window },
  'export/relations-page': { after: '', upTo: '\uffff', page: 10, types: null, ...window },
  'export/pair-at': { skip: 0 },
  'export/article-ids': { after: '', page: 10, from: null, to: null },
  'export/view-ids': { ids: [WANG, 'art-1'], types: null, ...window },
  'export/entities': { ids: [WANG] },
  'export/articles': { ids: ['art-1'] },
  'export/entity-connections': { ids: [WANG] },
  'export/entity-co-mentions': { ids: [WANG], keep: null, types: null, from: null, to: null, afterSource: '', afterTarget: '', rows: 10 },
  'export/entity-relations': { ids: [WANG], keep: [WANG], types: null },
  'export/article-links': { ids: ['art-1'], keep: null, types: null, from: null, to: null, evidence: 5 },
  'export/article-refs': { ids: ['art-1'] },
  'export/article-refs-page': { after: '', page: 10 },
  'export/ego-hop': { ids: [WANG], seen: [WANG], types: ['Person'], ...window, limit: 10 },
  'export/articles-mentioning': { ids: [WANG], ...window },
  'api/articles-recent': { from: '', k: '\uffff', id: '', first: 10 },
  'api/articles-of-source-recent': { source: 's', from: '', k: '\uffff', id: '', first: 10 },
  'api/articles-of-entities': { entityIds: [WANG], from: '', k: '\uffff', id: '', source: null, first: 10 },
  'api/articles-by-text': { query: '节水', from: '', k: '\uffff', source: null, entityIds: [], offset: 0, first: 10 },
  'api/timeline-all': { from: '0', to: '\uffff' },
  'api/timeline-of': { ids: [WANG], from: '0', to: '\uffff' },
  'api/related': { id: WANG, types: null, relTypes: ['CO_MENTIONED'], from: null, to: null, k: 1e15, mid: '', first: 10, scan: 10000 },
  'api/paths-entities': { from: WANG, to: 'Person:李颖', first: 5 },
  'api/paths-all': { from: WANG, to: 'Person:李颖', first: 5 },
  'connections/expand': { ids: [WANG], exclude: [WANG], types: null, relTypes: ['CO_MENTIONED'], minWeight: 1, maxArticles: null, from: null, to: null, limit: 10, scan: 10000, ranked: 500 },
  'connections/among': { ids: [WANG], relTypes: ['CO_MENTIONED'], minWeight: 1, from: null, to: null },
  'connections/stored-neighbourhood': { id: WANG },
};
/** Files whose text names a sort key to fill in (from the fixed list in graph/rankings.ts). */
const SORT_KEY_FILES = new Set(['api/entities-ranked', 'api/entities-of-type-ranked']);

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function operators(plan: PlanNode): string[] {
  return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
}

describe('query plans', () => {
  let graph: Graph;

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    await runImport(graph, readInputs([path.resolve('samples/gaoxin-2020-05.txt')]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
    // An analyzed database (guanxi analyze): with its metric indexes empty, a scan of one would cost
    // the planner nothing, and it may choose one that a real collection would pay for.
    await runAnalysis(graph, { betweennessSamples: 0 }, { start() {}, update() {}, stop() {} });
    // Statistics as they are now, not as earlier test files left them (they emptied a larger graph),
    // and no plan cached from then: what a server that has been running on this data would plan.
    await graph.write('CALL db.prepareForReplanning()');
  });
  afterAll(async () => {
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  it('has parameters here for every API query file', () => {
    const files = fs.readdirSync(path.resolve('cypher/api')).map((f) => `api/${f.replace(/\.cypher$/, '')}`);
    const searchFiles = files.filter((f) => f.startsWith('api/search'));
    expect(files.filter((f) => !(f in PARAMS) && !searchFiles.includes(f))).toEqual([]);
  });

  // A ranked file is explained once per sort key: each needs its own index (cypher/schema.cypher).
  const cases = Object.entries(PARAMS).flatMap(([name, params]) =>
    SORT_KEY_FILES.has(name)
      ? Object.values(SORT_KEYS).map((key) => ({ label: `${name} (${key})`, text: cypher(name).replaceAll('SORT_KEY', key), params }))
      : [{ label: name, text: cypher(name), params }],
  );
  for (const { label: name, text, params } of cases) {
    it(`${name} reads by index`, async () => {
      const session = graph.driver.session({ database: graph.database });
      try {
        const result = await session.executeRead((tx) => tx.run(`EXPLAIN ${text}`, params));
        const ops = operators(result.summary.plan as unknown as PlanNode);
        expect(ops.filter((op) => SCANS.test(op)), `${name}: ${ops.join(' > ')}`).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
