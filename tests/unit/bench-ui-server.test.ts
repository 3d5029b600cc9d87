/**
 * The explorer benchmark's stand-in server (server/src/bench/ui-server.ts) answers what the
 * details panel and time slicer ask, from its generated graph: an entity's strongest links, an
 * article whose highlighted names sit where the offsets say, a link between the two nodes it
 * joins, and a place's hierarchy made of hierarchy links only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../server/src/bench/ui-graph.ts';
import { startUiServer, type UiServer } from '../../server/src/bench/ui-server.ts';

const graph = generateGraph(300);
const hub = graph.nodes.reduce((best, n) => ((n.weight ?? 0) > (best.weight ?? 0) ? n : best));
let server: UiServer;

async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${server.baseUrl}/graphql`, { method: 'POST', body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  server = await startUiServer(graph);
});
afterAll(() => server.close());

describe('bench:ui stand-in server', () => {
  it('gives an entity its strongest links and dated articles naming it', async () => {
    const { entity } = await ask<{
      entity: { name: string; articleCount: number; articles: { article: { id: string; title: string; date: string } }[]; related: { edges: { weight: number; node: { id: string } }[] } };
    }>('query Entity($id: ID!) { entity(id: $id) { name articleCount articles(first: 200) { article { id title date } } related(first: 10) { edges { weight node { id } } } } }', { id: hub.id });
    expect(entity.name).toBe(hub.label);
    expect(entity.articleCount).toBe(hub.weight);
    expect(entity.articles.length).toBe(Math.min(hub.weight!, 200));
    const dates = entity.articles.map((a) => a.article.date);
    expect(dates).toEqual([...dates].sort());
    expect(entity.articles.every((a) => a.article.title.includes(hub.label))).toBe(true);
    const strongest = graph.edges
      .filter((e) => e.source === hub.id || e.target === hub.id)
      .map((e) => e.weight ?? 1)
      .sort((a, b) => b - a)
      .slice(0, 10);
    expect(entity.related.edges.map((e) => e.weight)).toEqual(strongest);
  });

  it('serves an article whose mention offsets point at the names', async () => {
    const { article } = await ask<{ article: { body: string; mentions: { offsets: number[]; entity: { name: string } }[] } }>(
      'query Article($id: ID!) { article(id: $id) { body mentions { offsets entity { name } } } }',
      { id: `a:${hub.id}:3` },
    );
    expect(article.mentions.length).toBeGreaterThan(0);
    for (const mention of article.mentions) {
      expect(mention.offsets.length).toBeGreaterThan(0);
      for (let i = 0; i < mention.offsets.length; i += 2) expect(article.body.slice(mention.offsets[i], mention.offsets[i + 1])).toBe(mention.entity.name);
    }
  });

  it('describes a link by the nodes it joins, and a hierarchy by hierarchy links only', async () => {
    const link = graph.edges[7]!;
    const { edge } = await ask<{ edge: { source: { id: string }; target: { id: string }; evidence: { sentence: string }[] } }>(
      'query Edge($id: ID!) { edge(id: $id) { source { id } target { id } evidence { sentence } } }',
      { id: link.id },
    );
    expect([edge.source.id, edge.target.id]).toEqual([link.source, link.target]);
    expect(edge.evidence.length).toBeGreaterThan(0);
    const { connections } = await ask<{ connections: { nodes: { id: string }[]; edges: unknown[] } }>(
      'query C($ids: [ID!]!, $relTypes: [ConnectionType!]) { connections(ids: $ids, relTypes: $relTypes) { nodes { id } edges { id } } }',
      { ids: [hub.id], relTypes: ['PART_OF', 'LOCATED_IN'] },
    );
    // The generated graph has co-mentions only: the hub alone, not its whole neighbourhood.
    expect(connections.nodes.map((n) => n.id)).toEqual([hub.id]);
    expect(connections.edges).toEqual([]);
  });

  it('answers the time slicer with months in order', async () => {
    const { timeline } = await ask<{ timeline: { bucket: string; start: string; count: number }[] }>('query T { timeline(bucket: MONTH) { bucket start count } }');
    expect(timeline.length).toBe(48);
    expect(timeline.every((b) => b.start.startsWith(b.bucket) && b.count > 0)).toBe(true);
  });
});
