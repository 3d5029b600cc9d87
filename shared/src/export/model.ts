/**
 * What an export holds, whatever the format: nodes and edges with a fixed set of typed fields, and
 * the metadata that says what was exported. Every writer declares its columns or keys from these
 * lists, so a field is typed the same in CSV headers, GraphML keys, GEXF attributes and XLSX columns,
 * and a field missing on a node (an article has no aliases; metrics before `guanxi analyze`) is
 * simply left empty.
 */
import type { EdgeType, NodeType } from '../entities.ts';
import type { GraphEdge, GraphNode } from '../graph.ts';

export type FieldType = 'string' | 'string[]' | 'int' | 'float' | 'date' | 'datetime';

export interface Field<K extends string> {
  key: K;
  type: FieldType;
}

/** Graph metrics stored on entities by `guanxi analyze` (all optional: absent until computed). */
export const METRIC_FIELDS = [
  { key: 'degree', type: 'int' },
  { key: 'weightedDegree', type: 'float' },
  { key: 'pagerank', type: 'float' },
  { key: 'betweenness', type: 'float' },
  { key: 'community', type: 'int' },
  { key: 'metricsAt', type: 'datetime' },
] as const satisfies readonly Field<string>[];

/** Node properties: entities use name…lastSeen and the metrics, articles title…lang. */
export const NODE_FIELDS = [
  { key: 'name', type: 'string' },
  { key: 'title', type: 'string' },
  { key: 'aliases', type: 'string[]' },
  { key: 'articles', type: 'int' },
  { key: 'connections', type: 'int' },
  { key: 'firstSeen', type: 'date' },
  { key: 'lastSeen', type: 'date' },
  { key: 'date', type: 'date' },
  { key: 'source', type: 'string' },
  { key: 'url', type: 'string' },
  { key: 'lang', type: 'string' },
  ...METRIC_FIELDS,
] as const satisfies readonly Field<string>[];

/**
 * Edge properties, with the provenance of each link: `weight` (co-mentions: sentences naming both;
 * relations: statements folded into the edge; mentions: times named), the articles behind it, their
 * first and last date, and sample evidence sentences with the article, date and url of each.
 */
export const EDGE_FIELDS = [
  { key: 'weight', type: 'int' },
  { key: 'articles', type: 'int' },
  { key: 'firstDate', type: 'date' },
  { key: 'lastDate', type: 'date' },
  { key: 'title', type: 'string' },
  { key: 'evidence', type: 'string[]' },
  { key: 'evidenceArticles', type: 'string[]' },
  { key: 'evidenceDates', type: 'string[]' },
  { key: 'evidenceUrls', type: 'string[]' },
] as const satisfies readonly Field<string>[];

type ValueOf<T extends FieldType> = T extends 'string[]' ? string[] : T extends 'int' | 'float' ? number : string;
type Props<F extends readonly Field<string>[]> = { [P in F[number] as P['key']]?: ValueOf<P['type']> | null };

export type NodeProps = Props<typeof NODE_FIELDS>;
export type EdgeProps = Props<typeof EDGE_FIELDS>;

export interface ExportNode extends NodeProps {
  id: string;
  type: NodeType;
}

export interface ExportEdge extends EdgeProps {
  /** `source~TYPE~target` as in the explorer (graph.ts edgeId). */
  id: string;
  source: string;
  target: string;
  type: EdgeType;
}

/** What was exported: written into every export (README, metadata sheet, GEXF meta, GraphML desc…). */
export interface ExportMeta {
  /** One line: "the connection graph of 王新亭 to depth 2, 2020-01-01 to 2020-12-31". */
  description: string;
  exportedAt: string;
  /** The scope and filters as given, for whoever repeats the export. */
  filters: Record<string, string | number | boolean | string[] | null>;
  /** Which database: the Neo4j address and database name. */
  collection: string;
  generator: string;
}

/** Counts known once the export is written (the README of multi-file exports lists them). */
export interface ExportSummary {
  nodes: number;
  edges: number;
  truncated: boolean;
}

/** The label a graph tool shows: an entity's name, an article's title. */
export function nodeLabel(node: ExportNode): string {
  return node.name ?? node.title ?? node.id;
}

/** Metadata as "key: value" lines, for READMEs and script headers. */
export function metaLines(meta: ExportMeta, summary?: ExportSummary): string[] {
  const lines = [
    meta.description,
    '',
    `exported at: ${meta.exportedAt}`,
    `collection: ${meta.collection}`,
    `generator: ${meta.generator}`,
  ];
  for (const [key, value] of Object.entries(meta.filters)) {
    if (value === null || value === undefined) continue;
    lines.push(`${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  }
  if (summary) {
    lines.push(`nodes: ${summary.nodes}`, `edges: ${summary.edges}`);
    if (summary.truncated) lines.push('truncated: yes (the scope hit its node limit)');
  }
  return lines;
}

/** The explorer's visible graph as plain data (what its PNG and view exports are made from). */
export interface ExportGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
