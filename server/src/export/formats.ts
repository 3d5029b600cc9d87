/** The export formats: file names, content types and the writer of each, for the CLI and /export. */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvWriter, cypherWriter, cytoscapeWriter, gexfWriter, graphmlWriter, nodeLinkWriter, type GraphWriter } from '@guanxi/shared';
import { streamSink, zipSink, folderSink, type ClosableSink } from './sinks.ts';
import { xlsxWriter } from './xlsx.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'cyjs', 'nodelink', 'graphml', 'gexf', 'xlsx', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface FormatInfo {
  /** Extension of the single file (CSV: of the zip). */
  ext: string;
  contentType: string;
  what: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  csv: { ext: 'zip', contentType: 'application/zip', what: 'nodes.csv + relationships.csv for neo4j-admin import, a folder or a .zip' },
  json: { ext: 'json', contentType: 'application/json', what: 'Cytoscape.js elements' },
  cyjs: { ext: 'cyjs', contentType: 'application/json', what: 'Cytoscape desktop (.cyjs)' },
  nodelink: { ext: 'json', contentType: 'application/json', what: "networkx node-link JSON (node_link_graph)" },
  graphml: { ext: 'graphml', contentType: 'application/xml', what: 'GraphML with typed keys' },
  gexf: { ext: 'gexf', contentType: 'application/xml', what: 'GEXF 1.3 with time intervals (Gephi)' },
  xlsx: { ext: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', what: 'Excel workbook' },
  cypher: { ext: 'cypher', contentType: 'text/plain', what: 'Cypher script of UNWIND batches' },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The format an output path implies: .zip or a folder is CSV, .csv too. */
export function formatOfPath(file: string): ExportFormat | undefined {
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'zip' || ext === 'csv') return 'csv';
  return ext && isExportFormat(ext) ? ext : undefined;
}

/** A writer and the sink it writes to (XLSX writes binary to the stream itself). */
export interface OpenExport {
  writer: GraphWriter;
  close(): Promise<void>;
}

export type ExportOutput = { stream: Writable; end?: boolean } | { folder: string };

export function openExport(format: ExportFormat, output: ExportOutput): OpenExport {
  if ('folder' in output) {
    if (format !== 'csv') throw new Error(`only CSV exports to a folder; ${format} is one file`);
    return withSink(folderSink(output.folder), csvWriter);
  }
  const { stream, end = true } = output;
  if (format === 'csv') return withSink(zipSink(stream), csvWriter);
  if (format === 'xlsx') {
    // exceljs ends the stream when the workbook is committed; closed means written.
    return { writer: xlsxWriter(stream), close: () => finished(stream) };
  }
  const sink = streamSink(stream, { end });
  const file = `graph.${FORMAT_INFO[format].ext}`;
  const make = { json: cytoscapeWriter, cyjs: cytoscapeWriter, nodelink: nodeLinkWriter, graphml: graphmlWriter, gexf: gexfWriter, cypher: cypherWriter }[format];
  return { writer: make(sink, file), close: () => sink.close() };
}

function withSink(sink: ClosableSink, make: (sink: ClosableSink) => GraphWriter): OpenExport {
  return { writer: make(sink), close: () => sink.close() };
}
