/** Browser side of export: build file names and hand blobs to the browser's download. */
import { edgesCsv, nodesCsv, toGexf, toGraphml, toJson, type ExportGraph } from '@guanxi/shared';

export type ExportFormat = 'json' | 'csv' | 'graphml' | 'gexf' | 'png';

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking immediately can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function stamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

const text = (content: string, type: string) => new Blob([content], { type: `${type};charset=utf-8` });

/** Saves the graph in a text format; CSV is two files (nodes and edges). */
export function exportGraph(graph: ExportGraph, format: Exclude<ExportFormat, 'png'>): void {
  const base = `guanxi-${stamp()}`;
  switch (format) {
    case 'json':
      return saveBlob(text(toJson(graph), 'application/json'), `${base}.json`);
    case 'graphml':
      return saveBlob(text(toGraphml(graph), 'application/xml'), `${base}.graphml`);
    case 'gexf':
      return saveBlob(text(toGexf(graph), 'application/xml'), `${base}.gexf`);
    case 'csv':
      saveBlob(text(nodesCsv(graph), 'text/csv'), `${base}-nodes.csv`);
      // A second download in the same tick is dropped by some browsers.
      setTimeout(() => saveBlob(text(edgesCsv(graph), 'text/csv'), `${base}-edges.csv`), 400);
      return;
  }
}

export function pngFilename(): string {
  return `guanxi-${stamp()}.png`;
}
