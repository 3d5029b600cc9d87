/**
 * A Cypher script that recreates the exported selection in another Neo4j, for cypher-shell
 * (`cypher-shell -f export.cypher`) or Neo4j Browser: each batch is a `:param` line holding the
 * rows and an `UNWIND $rows` statement that merges them, so the data travels as parameters and
 * every statement is the same few plans. Labels and relationship types are static text from the
 * fixed lists, one statement per type in a batch. Properties keep guanxi's own shapes (dates as
 * ISO text, as guanxi stores them), so guanxi itself can open the result.
 */
import { ENTITY_TYPES, type EdgeType, type EntityType } from '../entities.ts';
import { EDGE_FIELDS, metaLines, NODE_FIELDS, type ExportEdge, type ExportNode, type Field } from './model.ts';
import { present, type GraphWriter, type TextSink } from './writer.ts';

/** A Cypher string literal: single quotes, backslash escapes; Chinese stays as written. */
export function cypherString(text: string): string {
  return `'${text.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  })}'`;
}

function literal(value: unknown, field?: Field<string>): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (field?.type === 'datetime') return `datetime(${cypherString(String(value))})`;
  return cypherString(String(value));
}

function propsLiteral(item: object, fields: readonly Field<string>[]): string {
  const parts: string[] = [];
  for (const f of fields) {
    const value = (item as Record<string, unknown>)[f.key];
    if (present(value)) parts.push(`${f.key}: ${literal(value, f)}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Endpoint labels per relationship type, so that each MATCH is an index seek on id. */
const ENDPOINTS: Record<EdgeType, [string, string]> = {
  MENTIONS: ['Article', 'Entity'],
  WROTE: ['Entity', 'Article'],
  CO_MENTIONED: ['Entity', 'Entity'],
  HOLDS_POSITION: ['Entity', 'Entity'],
  PART_OF: ['Entity', 'Entity'],
  LOCATED_IN: ['Entity', 'Entity'],
  MET: ['Entity', 'Entity'],
  VISITED: ['Entity', 'Entity'],
  SIGNED: ['Entity', 'Entity'],
  FOUNDED: ['Entity', 'Entity'],
  INVESTED_IN: ['Entity', 'Entity'],
  DONATED_TO: ['Entity', 'Entity'],
  PAIRED_WITH: ['Entity', 'Entity'],
};

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const paramLine = (rows: string[]) => `:param rows => [${rows.join(', ')}];\n`;

function nodeStatements(type: ExportNode['type'], nodes: ExportNode[]): string {
  const rows = nodes.map((n) => `{id: ${cypherString(n.id)}, props: ${propsLiteral(n, NODE_FIELDS)}}`);
  if (type === 'Article') return paramLine(rows) + 'UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n += row.props, n.sortDate = coalesce(row.props.date, \'\');\n';
  const label: EntityType = ENTITY_TYPES.find((t) => t === type)!;
  return paramLine(rows) + `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props, n.type = '${label}', n:${label};\n`;
}

function edgeStatements(type: EdgeType, edges: ExportEdge[]): string {
  const rows = edges.map((e) => `{source: ${cypherString(e.source)}, target: ${cypherString(e.target)}, props: ${propsLiteral(e, EDGE_FIELDS)}}`);
  const [from, to] = ENDPOINTS[type];
  return (
    paramLine(rows) +
    `UNWIND $rows AS row MATCH (a:${from} {id: row.source}) MATCH (b:${to} {id: row.target}) MERGE (a)-[r:${type}]->(b) SET r += row.props;\n`
  );
}

export function cypherWriter(sink: TextSink, file = 'graph.cypher'): GraphWriter {
  return {
    async begin(meta) {
      await sink.file(file);
      await sink.write(
        [
          ...metaLines(meta).map((line) => `// ${line}`.trimEnd()),
          '// Run with: cypher-shell -f graph.cypher (or paste into Neo4j Browser).',
          'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;',
          'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;',
          '',
        ].join('\n'),
      );
    },
    async nodes(batch) {
      let text = '';
      for (const [type, nodes] of groupBy(batch, (n) => n.type)) text += nodeStatements(type, nodes);
      await sink.write(text);
    },
    async edges(batch) {
      let text = '';
      for (const [type, edges] of groupBy(batch, (e) => e.type)) text += edgeStatements(type, edges);
      await sink.write(text);
    },
    async end(summary) {
      await sink.write(`// ${summary.nodes} nodes, ${summary.edges} relationships.\n`);
    },
  };
}
