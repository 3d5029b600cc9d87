/**
 * Typed queries against server/src/api/schema.graphql. Each function asks for exactly the
 * fields its caller renders, and its result type mirrors that selection.
 */
import type { EdgeType, EntityType, NodeType, SearchHit as ApiSearchHit, Subgraph, GraphNode } from '@guanxi/shared';
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

export function neighborhood(ids: string[], depth = 1, limit = 150, signal?: AbortSignal) {
  return graphql<{ neighborhood: Subgraph }>(
    `query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int) {
      neighborhood(ids: $ids, depth: $depth, limit: $limit) {
        nodes { id type label weight }
        edges { id source target type label weight }
        truncated
      }
    }`,
    { ids, depth, limit },
    signal,
  ).then(({ neighborhood: g }) => ({
    nodes: g.nodes.map(withoutNulls),
    edges: g.edges.map(withoutNulls),
    truncated: g.truncated,
  }));
}

/** The connection graph around some entities: entities only, linked by co-mentions and relations. */
export function connections(ids: string[], depth = 1, limit = 150, signal?: AbortSignal) {
  return graphql<{ connections: Subgraph & { totalNodes: number } }>(
    `query Connections($ids: [ID!]!, $depth: Int, $limit: Int) {
      connections(ids: $ids, depth: $depth, limit: $limit) {
        nodes { id type label weight }
        edges { id source target type label weight articles firstDate lastDate }
        truncated totalNodes
      }
    }`,
    { ids, depth, limit },
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

export interface EntityDetail extends EntityRef {
  aliases: string[];
  code: string | null;
  articleCount: number;
  positions: { title: string; asOf: string | null; evidence: string; organization: EntityRef }[];
  wrote: { id: string; title: string; date: string | null }[];
}

export interface TimelineEntry {
  date: string | null;
  count: number;
  article: { id: string; title: string; source: string | null };
}

export function entityWithTimeline(id: string, signal?: AbortSignal) {
  return graphql<{ entity: (EntityDetail & { articles: { count: number; article: TimelineEntry['article'] & { date: string | null } }[] }) | null }>(
    `query Entity($id: ID!) {
      entity(id: $id) {
        id type name aliases code articleCount
        positions { title asOf evidence organization { id type name } }
        wrote { id title date }
        articles(first: 200) { count article { id title source date } }
      }
    }`,
    { id },
    signal,
  ).then(({ entity }) => ({
    entity,
    // The articles that name the entity, oldest first: its timeline.
    timeline: (entity?.articles ?? []).map(({ count, article }): TimelineEntry => ({ date: article.date, count, article })),
  }));
}

export interface ArticleMention {
  entity: EntityRef;
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
        mentions { count offsets entity { id type name } }
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
