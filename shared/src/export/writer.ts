/**
 * The streaming protocol every format follows: metadata first, then nodes in batches, then edges
 * in batches, then the end. A writer turns each batch into text and hands it to a sink at once,
 * so an export of any size holds one batch in memory. Nodes come before edges because GEXF,
 * Cytoscape and node-link JSON keep them in separate lists.
 */
import type { ExportEdge, ExportMeta, ExportNode, ExportSummary } from './model.ts';

/** Where text goes: a file, a folder of files, a zip, an HTTP response, a string in a test. */
export interface TextSink {
  /** Starts the next file of the export (one-file formats start one, CSV three). */
  file(name: string): void | Promise<void>;
  /** Resolves when the text may be followed by more (the sink's backpressure). */
  write(text: string): void | Promise<void>;
}

export interface GraphWriter {
  begin(meta: ExportMeta): Promise<void>;
  nodes(batch: readonly ExportNode[]): Promise<void>;
  edges(batch: readonly ExportEdge[]): Promise<void>;
  end(summary: ExportSummary): Promise<void>;
}

/** A sink that keeps everything as strings, one per file: for the explorer's small exports and tests. */
export function memorySink(): TextSink & { files: Map<string, string> } {
  const files = new Map<string, string>();
  let current = '';
  return {
    files,
    file(name) {
      current = name;
      files.set(name, '');
    },
    write(text) {
      files.set(current, (files.get(current) ?? '') + text);
    },
  };
}

/** A list property as one text value where a format has no list type (GraphML, GEXF, XLSX cells). */
export function listText(values: readonly string[]): string {
  return values.join('\n');
}

/** Present and not null: the fields a node or edge actually has. */
export function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
