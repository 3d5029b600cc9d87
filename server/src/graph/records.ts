import type { EntityType } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** Entities and articles as records, for the API's lookups (batched by DataLoader). */

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  code: string | null;
  articleCount: number;
  connectionCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  degree: number | null;
  weightedDegree: number | null;
  pagerank: number | null;
  betweenness: number | null;
  community: number | null;
  metricsAt: string | null;
}

export interface ArticleRecord {
  id: string;
  title: string;
  subtitle: string | null;
  body: string;
  date: string | null;
  dateSource: string | null;
  source: string | null;
  url: string | null;
  lang: string | null;
}

export async function entitiesById(graph: Graph, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  const rows = await graph.read<EntityRecord>(cypher('api/entities-by-id'), { ids });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function articlesById(graph: Graph, ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
  const rows = await graph.read<{ article: ArticleRecord }>(cypher('api/articles-by-id'), { ids });
  return new Map(rows.map((r) => [r.article.id, r.article]));
}

export function entityArticles(graph: Graph, id: string, first: number) {
  return graph.read<{ articleId: string; date: string | null; count: number; sentences: string[] }>(
    cypher('api/entity-articles'),
    { id, first },
  );
}

export function entityPositions(graph: Graph, id: string) {
  return graph.read<{ title: string; organizationId: string; asOf: string | null; evidence: string }>(
    cypher('api/entity-positions'),
    { id },
  );
}

export async function entityWrote(graph: Graph, id: string): Promise<string[]> {
  const rows = await graph.read<{ articleId: string }>(cypher('api/entity-wrote'), { id });
  return rows.map((r) => r.articleId);
}

export async function articleAuthors(graph: Graph, id: string): Promise<string[]> {
  const rows = await graph.read<{ id: string }>(cypher('api/article-authors'), { id });
  return rows.map((r) => r.id);
}

export function articleMentions(graph: Graph, id: string) {
  return graph.read<{ entityId: string; count: number; offsets: number[]; sentences: string[] }>(
    cypher('api/article-mentions'),
    { id },
  );
}
