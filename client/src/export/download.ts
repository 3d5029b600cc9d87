/**
 * Browser side of export: the visible graph goes to the server's /export (the same scopes and
 * writers as `guanxi export`, with evidence, dates and metrics the canvas does not hold) as a view
 * of its node ids, and the answer is saved under the server's file name. PNG is drawn here.
 */
export type ExportFormat = 'csv' | 'json' | 'cyjs' | 'nodelink' | 'graphml' | 'gexf' | 'xlsx' | 'cypher' | 'png';

/** The export menu: every format, with what it is for. */
export const EXPORT_MENU: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'xlsx', label: 'Excel', title: 'A sheet per entity type, relationships with evidence, articles' },
  { format: 'csv', label: 'CSV', title: 'nodes.csv + relationships.csv (zip) for pandas and neo4j-admin import' },
  { format: 'gexf', label: 'GEXF', title: 'Gephi, with type colours and a timeline' },
  { format: 'graphml', label: 'GraphML', title: 'For Gephi, yEd, networkx, igraph' },
  { format: 'json', label: 'JSON', title: 'Cytoscape.js elements' },
  { format: 'cyjs', label: 'Cytoscape', title: 'Cytoscape desktop (.cyjs)' },
  { format: 'nodelink', label: 'networkx', title: 'Node-link JSON for networkx' },
  { format: 'cypher', label: 'Cypher', title: 'A script that recreates this view in another Neo4j' },
  { format: 'png', label: 'PNG', title: 'Picture of the whole visible graph' },
];

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

/** Longer URLs than this go as a POST body (servers cap request lines at a few KB). */
const MAX_GET = 4_000;

/** The visible graph's nodes, with its articles if any are shown. */
export interface ExportView {
  nodes: { id: string; type: string }[];
}

export function exportRequest(view: ExportView, format: Exclude<ExportFormat, 'png'>): { url: string; init: RequestInit } {
  const ids = view.nodes.map((n) => n.id);
  const articles = view.nodes.some((n) => n.type === 'Article');
  const query = new URLSearchParams({ format, scope: 'view', articles: String(articles) });
  for (const id of ids) query.append('ids', id);
  const url = `/export?${query}`;
  if (url.length <= MAX_GET) return { url, init: { method: 'GET' } };
  return {
    url: '/export',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format, scope: 'view', ids, articles }) },
  };
}

/** Asks the server for the export of this view and saves it. */
export async function exportGraph(view: ExportView, format: Exclude<ExportFormat, 'png'>): Promise<void> {
  const { url, init } = exportRequest(view, format);
  const res = await fetch(url, init);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `the server answered ${res.status}`);
  }
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  saveBlob(await res.blob(), named ?? `guanxi-${stamp()}.${format}`);
}

export function pngFilename(): string {
  return `guanxi-${stamp()}.png`;
}
