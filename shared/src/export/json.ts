/**
 * JSON graphs, written as they stream: Cytoscape.js elements (the `.cyjs` layout Cytoscape desktop
 * opens, which `cy.json()` also takes) and node-link JSON for networkx's `node_link_graph`.
 */
import { nodeLabel, type ExportEdge, type ExportMeta, type ExportNode } from './model.ts';
import { present, type GraphWriter, type TextSink } from './writer.ts';

/** The fields that are set, in the order the model lists them. */
function defined<T extends object>(item: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(item)) if (present(value)) (out as Record<string, unknown>)[key] = value;
  return out;
}

/**
 * Two JSON arrays one after the other, filled in batches: `head` opens the first, `middle` closes
 * it and opens the second, `tail` closes the document.
 */
function jsonWriter(
  sink: TextSink,
  file: string,
  parts: {
    head: (meta: ExportMeta) => string;
    middle: string;
    tail: string;
    node: (n: ExportNode) => unknown;
    edge: (e: ExportEdge) => unknown;
  },
): GraphWriter {
  let count = 0;
  let inEdges = false;
  const items = async (batch: readonly unknown[]) => {
    let text = '';
    for (const item of batch) text += (count++ === 0 ? '\n' : ',\n') + JSON.stringify(item);
    await sink.write(text);
  };
  const toEdges = async () => {
    if (inEdges) return;
    inEdges = true;
    count = 0;
    await sink.write(parts.middle);
  };
  return {
    async begin(meta) {
      await sink.file(file);
      await sink.write(parts.head(meta));
    },
    nodes: (batch) => items(batch.map(parts.node)),
    async edges(batch) {
      await toEdges();
      await items(batch.map(parts.edge));
    },
    async end() {
      await toEdges();
      await sink.write(parts.tail);
    },
  };
}

export function cytoscapeWriter(sink: TextSink, file = 'graph.cyjs'): GraphWriter {
  return jsonWriter(sink, file, {
    head: (meta) =>
      `{"format_version":"1.0","generated_by":${JSON.stringify(meta.generator)},"target_cytoscapejs_version":"~3.30",` +
      `"data":${JSON.stringify({ name: meta.description, ...meta })},"elements":{"nodes":[`,
    middle: '\n],"edges":[',
    tail: '\n]}}\n',
    // Cytoscape desktop shows `name`; articles have a title instead.
    node: (n) => ({ data: { ...defined(n), label: nodeLabel(n), name: nodeLabel(n) } }),
    edge: (e) => ({ data: { ...defined(e), interaction: e.type } }),
  });
}

/**
 * networkx node-link data. A multigraph keyed by type: two entities can be linked both by
 * co-mention and by a stated relation, which a plain DiGraph would fold into one edge.
 */
export function nodeLinkWriter(sink: TextSink, file = 'graph.json'): GraphWriter {
  return jsonWriter(sink, file, {
    head: (meta) => `{"directed":true,"multigraph":true,"graph":${JSON.stringify(meta)},"nodes":[`,
    middle: '\n],"edges":[',
    tail: '\n]}\n',
    node: (n) => ({ ...defined(n), label: nodeLabel(n) }),
    edge: (e) => ({ ...defined(e), key: e.type }),
  });
}
