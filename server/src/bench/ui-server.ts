/**
 * What the explorer's benchmark and large-graph test load the built client from: the real
 * static handler (so the real Content-Security-Policy applies, Web Workers included) and a
 * GraphQL stand-in on the same origin that answers the explorer's own queries from a generated
 * graph: `search` finds its most mentioned node, `connections` returns the whole graph for it
 * and a generated expansion of `expandBy` new nodes for any other node (only the links of the
 * asked types when it names some: a place's hierarchy), and what the details panel and the time
 * slicer ask next is made up from the graph (ui-details.ts). No database: this measures the
 * browser, not the API (bench:api does that).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subgraph } from '@guanxi/shared';
import { CLIENT_DIST } from '../api/server.ts';
import { serveStatic } from '../api/static.ts';
import { generateExpansion } from './ui-graph.ts';
import { addToIndex, answerDetails, indexOf } from './ui-details.ts';

export interface UiServer {
  baseUrl: string;
  /** The graph the next search-and-pick loads. */
  setGraph: (graph: Subgraph) => void;
  close: () => Promise<void>;
}

function hub(graph: Subgraph) {
  return graph.nodes.reduce((best, n) => ((n.weight ?? 0) > (best.weight ?? 0) ? n : best), graph.nodes[0]!);
}

function answer(graph: Subgraph, body: { query?: string; variables?: Record<string, unknown> }, expandBy: number): unknown {
  const query = body.query ?? '';
  const variables = body.variables ?? {};
  const index = indexOf(graph);
  if (/\bsearch\s*\(/.test(query)) {
    const top = hub(graph);
    return { data: { search: [{ id: top.id, type: top.type, label: top.label, score: 1, articles: top.weight ?? 1, date: null, matchedBy: 'NAME' }] } };
  }
  if (/\bconnections\s*\(/.test(query)) {
    const ids = (variables.ids as string[] | undefined) ?? [];
    const relTypes = variables.relTypes as string[] | null | undefined;
    let sub: Subgraph;
    if (relTypes && relTypes.length > 0) {
      // Only links of these types around `ids` (the generated graph has co-mentions only).
      const edges = ids.flatMap((id) => index.links.get(id) ?? []).filter((e) => relTypes.includes(e.type));
      const keep = new Set([...ids, ...edges.flatMap((e) => [e.source, e.target])]);
      sub = { nodes: [...keep].map((id) => index.nodes.get(id)).filter((n) => n !== undefined), edges, truncated: false };
    } else if (ids.includes(hub(graph).id)) {
      sub = graph;
    } else {
      sub = generateExpansion(ids[0] ?? hub(graph).id, expandBy);
      addToIndex(index, sub);
    }
    return { data: { connections: { ...sub, totalNodes: sub.nodes.length } } };
  }
  const details = answerDetails(index, query, variables);
  if (details !== undefined) return { data: details };
  return { data: null, errors: [{ message: `The benchmark server does not answer this query: ${query.slice(0, 80)}` }] };
}

/** `dist`: the built explorer to serve (another build's, to compare: ui-compare.ts). */
export async function startUiServer(graph: Subgraph, expandBy = 150, dist = CLIENT_DIST): Promise<UiServer> {
  let current = graph;
  const files = serveStatic(dist);
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/graphql')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { query?: string };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer(current, body, expandBy)));
      });
      return;
    }
    if (!files(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    setGraph: (g) => (current = g),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
