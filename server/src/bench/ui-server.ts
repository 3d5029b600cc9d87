/**
 * What the explorer's benchmark and large-graph test load the built client from: the real
 * static handler (so the real Content-Security-Policy applies, Web Workers included) and a
 * GraphQL stand-in on the same origin that answers the explorer's own queries from a generated
 * graph: `search` finds its most mentioned node, `connections` returns the whole graph for it
 * and a generated expansion of `expandBy` new nodes for any other node. No database: this
 * measures the browser, not the API (bench:api does that).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subgraph } from '@guanxi/shared';
import { CLIENT_DIST } from '../api/server.ts';
import { serveStatic } from '../api/static.ts';
import { generateExpansion } from './ui-graph.ts';

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
  if (/\bsearch\s*\(/.test(query)) {
    const top = hub(graph);
    return { data: { search: [{ id: top.id, type: top.type, label: top.label, score: 1, articles: top.weight ?? 1, date: null, matchedBy: 'NAME' }] } };
  }
  if (/\bconnections\s*\(/.test(query)) {
    const ids = (body.variables?.ids as string[] | undefined) ?? [];
    const sub = ids.includes(hub(graph).id) ? graph : generateExpansion(ids[0] ?? hub(graph).id, expandBy);
    return { data: { connections: { ...sub, totalNodes: sub.nodes.length } } };
  }
  return { data: null, errors: [{ message: 'The benchmark server answers search and connections only.' }] };
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
