/**
 * Typed queries against server/src/api/schema.graphql. Each function asks for exactly the
 * fields its caller renders, and its result type mirrors that selection.
 */
import type { ConnectionType, EdgeType, EntityType, NodeType, SearchHit as ApiSearchHit, Subgraph, GraphNode } from '@guanxi/shared';
import { graphql } from './graphql.ts';

/** The explorer formats counts and dates itself; the deprecated text `detail` is not asked for. */
export type SearchHit = Omit<ApiSearchHit, 'detail'>;

export function search(text: string, types: NodeType[] | null, first: number, signal?: AbortSignal) {
  return graphql<{ search: SearchHit[] }>(
    `query Search($text: String!, $types: [NodeType!], $first: Int) {
      search(text: $text, types: $types, first: $first) { id type label score articles date matchedBy }
    }`,
    { text, types, first },
    signal,
  ).then((d) => d.search);
}

/** GraphQL returns null for absent optional fields; Cytoscape data prefers them absent. */
function withoutNulls<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null)) as T;
}

export function neighborhood(ids: string[], depth = 1, limit = 150, signal?: AbortSignal, types: NodeType[] | null = null): Promise<Subgraph & { totalNodes?: number }> {
  return graphql<{ neighborhood: Subgraph }>(
    `query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int, $types: [NodeType!]) {
      neighborhood(ids: $ids, depth: $depth, limit: $limit, types: $types) {
        nodes { id type label weight date }
        edges { id source target type label weight }
        truncated
      }
    }`,
    { ids, depth, limit, types },
    signal,
  ).then(({ neighborhood: g }) => ({
    nodes: g.nodes.map(withoutNulls),
    edges: g.edges.map(withoutNulls),
    truncated: g.truncated,
  }));
}

export interface ConnectionFilter {
  types?: EntityType[] | null;
  relTypes?: ConnectionType[] | null;
}

/** The connection graph around some entities: entities only, linked by co-mentions and relations. depth 0: just `ids`. */
export function connections(ids: string[], depth = 1, limit = 150, signal?: AbortSignal, filter: ConnectionFilter = {}) {
  return graphql<{ connections: Subgraph & { totalNodes: number } }>(
    `query Connections($ids: [ID!]!, $depth: Int, $limit: Int, $types: [EntityType!], $relTypes: [ConnectionType!]) {
      connections(ids: $ids, depth: $depth, limit: $limit, types: $types, relTypes: $relTypes) {
        nodes { id type label weight }
        edges { id source target type label weight articles firstDate lastDate }
        truncated totalNodes
      }
    }`,
    { ids, depth, limit, types: filter.types ?? null, relTypes: filter.relTypes ?? null },
    signal,
  ).then(({ connections: g }) => ({
    nodes: g.nodes.map(withoutNulls),
    edges: g.edges.map(withoutNulls),
    truncated: g.truncated,
    totalNodes: g.totalNodes,
  }));
}

export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
}

/** An entity named in an article, with the other names it goes by (short forms are highlighted too). */
export interface MentionedEntity extends EntityRef {
  aliases: string[];
}

export interface EntityDetail extends EntityRef {
  aliases: string[];
  code: string | null;
  articleCount: number;
  positions: { title: string; asOf: string | null; dates: string[]; evidence: string; organization: EntityRef }[];
  wrote: { id: string; title: string; date: string | null }[];
}

export interface TimelineEntry {
  date: string | null;
  count: number;
  /** The first sentence that names the entity. */
  snippet?: string;
  article: { id: string; title: string; source: string | null };
}

export interface RelatedEntry {
  weight: number;
  articleCount: number;
  types: ConnectionType[];
  titles: string[];
  node: EntityRef;
}

type EntityAnswer = EntityDetail & {
  articles: { count: number; sentences: string[]; article: TimelineEntry['article'] & { date: string | null } }[];
  related: { edges: RelatedEntry[] };
};

export function entityWithTimeline(id: string, signal?: AbortSignal) {
  return graphql<{ entity: EntityAnswer | null }>(
    `query Entity($id: ID!) {
      entity(id: $id) {
        id type name aliases code articleCount
        positions { title asOf dates evidence organization { id type name } }
        wrote { id title date }
        articles(first: 200) { count sentences article { id title source date } }
        related(first: 10) { edges { weight articleCount types titles node { id type name } } }
      }
    }`,
    { id },
    signal,
  ).then(({ entity }) => ({
    entity,
    // The articles that name the entity, oldest first: its timeline.
    timeline: (entity?.articles ?? []).map(({ count, article, sentences }): TimelineEntry => ({ date: article.date, count, article, snippet: sentences[0] })),
  }));
}

export interface ArticleMention {
  entity: MentionedEntity;
  count: number;
  offsets: number[];
}

export interface ArticleDetail {
  id: string;
  title: string;
  subtitle: string | null;
  body: string;
  date: string | null;
  source: string | null;
  url: string | null;
  authors: EntityRef[];
  mentions: ArticleMention[];
}

export function article(id: string, signal?: AbortSignal) {
  return graphql<{ article: ArticleDetail | null }>(
    `query Article($id: ID!) {
      article(id: $id) {
        id title subtitle body date source url
        authors { id type name }
        mentions { count offsets entity { id type name aliases } }
      }
    }`,
    { id },
    signal,
  ).then((d) => d.article);
}

export interface EdgeDetail {
  id: string;
  type: EdgeType;
  label: string | null;
  weight: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  source: GraphNode;
  target: GraphNode;
  evidence: { sentence: string; article: { id: string; title: string; date: string | null } }[];
}

export function edgeDetail(id: string, signal?: AbortSignal) {
  return graphql<{ edge: EdgeDetail | null }>(
    `query Edge($id: ID!) {
      edge(id: $id) {
        id type label weight articles firstDate lastDate
        source { id type label }
        target { id type label }
        evidence { sentence article { id title date } }
      }
    }`,
    { id },
    signal,
  ).then((d) => d.edge);
}

export interface Stats {
  articles: number;
  entities: number;
  relationships: number;
  byType: { type: NodeType; count: number }[];
}

export function stats(signal?: AbortSignal) {
  return graphql<{ stats: Stats }>(
    `query Stats { stats { articles entities relationships byType { type count } } }`,
    {},
    signal,
  ).then((d) => d.stats);
}

/** Where a place sits: the places and organizations it is part of or located in, and those in it. */
export function hierarchy(id: string, signal?: AbortSignal) {
  return connections([id], 1, 40, signal, { relTypes: ['PART_OF', 'LOCATED_IN'] }).then((g) => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const up = g.edges.filter((e) => e.source === id).map((e) => byId.get(e.target)).filter((n): n is GraphNode => !!n);
    const down = g.edges.filter((e) => e.target === id).map((e) => byId.get(e.source)).filter((n): n is GraphNode => !!n);
    return { up, down };
  });
}

export interface PathAnswer {
  length: number;
  nodes: GraphNode[];
  edges: Subgraph['edges'];
  steps: { label: string | null; weight: number; edge: { id: string; type: EdgeType }; evidence: { sentence: string; article: { id: string; title: string; date: string | null } }[] }[];
}

export function paths(from: string, to: string, via: 'ENTITIES' | 'ALL', signal?: AbortSignal) {
  return graphql<{ paths: PathAnswer[] }>(
    `query Paths($from: ID!, $to: ID!, $via: PathVia) {
      paths(from: $from, to: $to, via: $via, maxHops: 4, first: 5) {
        length
        nodes { id type label weight }
        edges { id source target type label weight articles firstDate lastDate }
        steps { label weight edge { id type } evidence(first: 2) { sentence article { id title date } } }
      }
    }`,
    { from, to, via },
    signal,
  ).then((d) => d.paths.map((p) => ({ ...p, nodes: p.nodes.map(withoutNulls), edges: p.edges.map(withoutNulls) })));
}

export interface TimeBucket {
  bucket: string;
  start: string;
  count: number;
}

export function timeline(signal?: AbortSignal) {
  return graphql<{ timeline: TimeBucket[] }>(`query Timeline { timeline(bucket: MONTH) { bucket start count } }`, {}, signal).then((d) => d.timeline);
}
