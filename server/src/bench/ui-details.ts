/**
 * The benchmark server's answers to what the explorer asks after a graph is on the canvas —
 * a node's details and articles (`entity`), a link's (`edge`), an article (`article`), the
 * collection's `timeline`, `stats` and ranking (`entities`) — made up from the generated graph,
 * deterministically (seeded by id), so bench:ui's and the large-graph test's screenshots show a
 * filled details panel and time slicer. Articles and dates are invented; names, types, weights
 * and links are the graph's.
 */
import type { GraphEdge, GraphNode, Subgraph } from '@guanxi/shared';
import { seeded } from './ui-graph.ts';

/** The generated collection's articles fall in these four years. */
const FIRST_YEAR = 2021;
const MONTHS = 48;
const SOURCES = ['人民日报', '新华社', '经济日报', '地方日报'];
const DOINGS = ['共同出席签约仪式', '就产业合作举行座谈', '调研重点项目建设', '召开专题工作会议', '签署战略合作协议'];
const TITLES = ['主任', '局长', '董事长', '副主任', '总经理'];

export interface Index {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Links of each node, strongest first. */
  links: Map<string, GraphEdge[]>;
}

const indexes = new WeakMap<Subgraph, Index>();

/** Nodes, edges and adjacency of `graph` (built once a graph). */
export function indexOf(graph: Subgraph): Index {
  let index = indexes.get(graph);
  if (index) return index;
  index = { nodes: new Map(), edges: new Map(), links: new Map() };
  indexes.set(graph, index);
  addToIndex(index, graph);
  return index;
}

/** Adds what an expansion served so its nodes and links have details too. */
export function addToIndex(index: Index, graph: Subgraph): void {
  for (const node of graph.nodes) index.nodes.set(node.id, node);
  for (const edge of graph.edges) {
    if (index.edges.has(edge.id)) continue;
    index.edges.set(edge.id, edge);
    for (const end of [edge.source, edge.target]) {
      const list = index.links.get(end) ?? [];
      list.push(edge);
      index.links.set(end, list);
    }
  }
  for (const list of index.links.values()) list.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function dateAt(rand: () => number): string {
  const month = Math.floor(rand() * MONTHS);
  const day = 1 + Math.floor(rand() * 28);
  return `${FIRST_YEAR + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ref = (node: GraphNode) => ({ id: node.id, type: node.type, name: node.label });
const other = (edge: GraphEdge, id: string) => (edge.source === id ? edge.target : edge.source);

interface MadeArticle {
  id: string;
  title: string;
  source: string;
  date: string;
  body: string;
  named: GraphNode[];
}

/**
 * Article `i` naming `node` and one of its neighbours (`with`, or one picked by `i`): ids
 * `a:<node id>:<i>`, or `a:<node id>:<i>~<neighbour id>`.
 */
function article(index: Index, node: GraphNode, i: number, partnerOf?: GraphNode): MadeArticle {
  const rand = seeded(hash(`${node.id}:${i}`));
  const links = index.links.get(node.id) ?? [];
  const partner = partnerOf ?? (links.length > 0 ? index.nodes.get(other(links[i % links.length]!, node.id)) : undefined);
  const doing = DOINGS[Math.floor(rand() * DOINGS.length)]!;
  const sentence = partner ? `${node.label}与${partner.label}${doing}。` : `${node.label}${doing}。`;
  const body = `${sentence}会议指出，要加快推进相关工作，确保各项任务按期完成。${node.label}表示，将继续加强协作。`;
  return {
    id: partnerOf ? `a:${node.id}:${i}~${partnerOf.id}` : `a:${node.id}:${i}`,
    title: partner ? `${node.label}与${partner.label}${doing}` : `${node.label}${doing}`,
    source: SOURCES[Math.floor(rand() * SOURCES.length)]!,
    date: dateAt(rand),
    body,
    named: partner ? [node, partner] : [node],
  };
}

/** How many articles name a node: its weight (mentions), at least one. */
const articleCount = (node: GraphNode) => Math.max(1, node.weight ?? 1);

function entity(index: Index, id: string, first: number) {
  const node = index.nodes.get(id);
  if (!node) return null;
  const links = index.links.get(id) ?? [];
  const articles = Array.from({ length: Math.min(articleCount(node), first) }, (_, i) => article(index, node, i)).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const org = node.type === 'Person' ? links.map((e) => index.nodes.get(other(e, id))).find((n) => n?.type === 'Organization') : undefined;
  const rand = seeded(hash(id));
  const asOf = dateAt(rand);
  return {
    ...ref(node),
    aliases: [],
    code: null,
    articleCount: articleCount(node),
    positions: org
      ? [{ title: TITLES[hash(org.id) % TITLES.length]!, asOf, dates: [asOf], evidence: `${org.label}${TITLES[hash(org.id) % TITLES.length]!}${node.label}出席会议。`, organization: ref(org) }]
      : [],
    wrote: [],
    articles: articles.map((a) => ({ count: 1 + (hash(a.id) % 3), sentences: [a.body.slice(0, a.body.indexOf('。') + 1)], article: { id: a.id, title: a.title, source: a.source, date: a.date } })),
    related: {
      edges: links.slice(0, 10).map((e) => ({ weight: e.weight ?? 1, articleCount: e.articles ?? 1, types: [e.type], titles: [], node: ref(index.nodes.get(other(e, id))!) })),
    },
  };
}

function edge(index: Index, id: string) {
  const e = index.edges.get(id);
  const source = e && index.nodes.get(e.source);
  const target = e && index.nodes.get(e.target);
  if (!e || !source || !target) return null;
  const evidence = Array.from({ length: Math.min(e.articles ?? 1, 5) }, (_, i) => article(index, source, i, target)).sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: e.id,
    type: e.type,
    label: e.label ?? null,
    weight: e.weight ?? 1,
    articles: e.articles ?? 1,
    firstDate: evidence[0]?.date ?? null,
    lastDate: evidence.at(-1)?.date ?? null,
    source: { id: source.id, type: source.type, label: source.label },
    target: { id: target.id, type: target.type, label: target.label },
    evidence: evidence.map((a) => ({ sentence: `${a.title}。`, article: { id: a.id, title: a.title, date: a.date } })),
  };
}

function articleById(index: Index, id: string) {
  const match = /^a:(.+?):(\d+)(?:~(.+))?$/.exec(id);
  const node = match && index.nodes.get(match[1]!);
  if (!node) return null;
  const a = article(index, node, Number(match![2]), match![3] ? index.nodes.get(match![3]) : undefined);
  return {
    id: a.id,
    title: a.title,
    subtitle: null,
    body: a.body,
    date: a.date,
    source: a.source,
    url: null,
    authors: [],
    mentions: a.named.map((n) => {
      const offsets: number[] = [];
      for (let at = a.body.indexOf(n.label); at >= 0; at = a.body.indexOf(n.label, at + n.label.length)) offsets.push(at, at + n.label.length);
      return { count: offsets.length / 2, offsets, entity: { ...ref(n), aliases: [] } };
    }),
  };
}

/** Articles a month (or day) over the four years: the sum of every node's made-up articles would be slow; a seeded curve stands in. */
function timeline(bucket: string) {
  const rand = seeded(5);
  const out: { bucket: string; start: string; count: number }[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const start = `${FIRST_YEAR + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const count = Math.round(40 + 30 * Math.sin(m / 5) + 60 * rand());
    out.push({ bucket: bucket === 'DAY' ? start : start.slice(0, 7), start, count });
  }
  return out;
}

/**
 * The answer to a follow-up query, or undefined when `query` asks none of these. One query
 * field a request, as the explorer sends them.
 */
export function answerDetails(index: Index, query: string, variables: Record<string, unknown>): unknown {
  const id = String(variables.id ?? '');
  if (/\bentity\s*\(/.test(query)) return { entity: entity(index, id, Number(/articles\(first:\s*(\d+)/.exec(query)?.[1] ?? 200)) };
  if (/\bedge\s*\(/.test(query)) return { edge: edge(index, id) };
  if (/\barticle\s*\(/.test(query)) return { article: articleById(index, id) };
  if (/\btimeline\s*\(/.test(query)) return { timeline: timeline(/bucket:\s*DAY/.test(query) ? 'DAY' : String(variables.bucket ?? 'MONTH')) };
  if (/\bstats\b/.test(query)) {
    const byType = new Map<string, number>();
    for (const n of index.nodes.values()) byType.set(n.type, (byType.get(n.type) ?? 0) + 1);
    const articles = timeline('MONTH').reduce((sum, b) => sum + b.count, 0);
    return { stats: { articles, entities: index.nodes.size, relationships: index.edges.size, byType: [...byType].map(([type, count]) => ({ type, count })) } };
  }
  if (/\bentities\s*\(/.test(query)) {
    const type = variables.type as string | null | undefined;
    const ranked = [...index.nodes.values()].filter((n) => !type || n.type === type).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
    const first = Number(variables.first ?? 20);
    return { entities: { edges: ranked.slice(0, first).map((n) => ({ value: (index.links.get(n.id) ?? []).length, node: { ...ref(n), community: null } })) } };
  }
  return undefined;
}
