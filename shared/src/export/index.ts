/** Analyst exports of a graph ({nodes, edges}): pure text writers used by the explorer and the CLI. */
export type { ExportGraph } from './types.ts';
export { toJson } from './json.ts';
export { edgesCsv, nodesCsv } from './csv.ts';
export { toGraphml } from './graphml.ts';
export { toGexf } from './gexf.ts';
export { escapeXml } from './xml.ts';
