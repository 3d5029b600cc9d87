/**
 * Analyst exports: streaming writers (one per format) over a fixed, typed model of nodes and
 * edges, used by `guanxi export` and `GET /export` (which the explorer's export menu calls).
 */
export * from './model.ts';
export { memorySink, listText, type GraphWriter, type TextSink } from './writer.ts';
export { csvWriter, csvCell, isSpace, CSV_FILES, ARRAY_DELIMITER } from './csv.ts';
export { cytoscapeWriter, nodeLinkWriter } from './json.ts';
export { graphmlWriter } from './graphml.ts';
export { gexfWriter } from './gexf.ts';
export { cypherWriter, cypherString } from './cypher.ts';
export { escapeXml, escapeXmlList } from './xml.ts';
