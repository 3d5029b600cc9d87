/**
 * GET /export?format=…&scope=…: an export streamed as a download, with the scopes and writers of
 * `guanxi export`. Read-only (GET and HEAD only), the API's per-transaction read timeout (each page
 * is its own transaction), its security headers, a clear 400 for a bad parameter, and at most
 * MAX_CONCURRENT exports at a time (a 429 beyond) so downloads cannot take every connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Graph } from '../graph/db.ts';
import { FORMAT_INFO, isExportFormat, openExport, EXPORT_FORMATS } from '../export/formats.ts';
import { collectionName, runExport } from '../export/run.ts';
import { parseScope, ScopeError, type ScopeInput } from '../export/scope.ts';
import { log } from '../log.ts';
import { securityHeaders } from './http/headers.ts';

export const EXPORT_PATH = '/export';
const MAX_CONCURRENT = 2;
/** ids in a query string: about 5,000 of them fit in Node's header limit of 16 KB only when short. */
const MAX_URL = 16_000;

function refuse(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders({ csp: true }), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify({ error: message }) + '\n');
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

export function createExportRoute(graph: Graph) {
  let running = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET /export.', { allow: 'GET, HEAD' });
    if ((req.url ?? '').length > MAX_URL) return refuse(res, 414, `The query is longer than ${MAX_URL} characters: export fewer ids, or an ego network.`);
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const format = query.get('format') ?? '';
    if (!isExportFormat(format)) return refuse(res, 400, `format must be one of ${EXPORT_FORMATS.join(', ')}; got "${format}"`);
    const input: ScopeInput = {
      scope: query.get('scope') ?? undefined,
      ids: query.getAll('ids'),
      depth: query.get('depth') ?? undefined,
      limit: query.get('limit') ?? undefined,
      from: query.get('from') ?? undefined,
      to: query.get('to') ?? undefined,
      types: query.getAll('types'),
      articles: query.get('articles') ?? undefined,
    };
    let scope;
    try {
      scope = parseScope(input);
    } catch (error) {
      if (error instanceof ScopeError) return refuse(res, 400, error.message);
      throw error;
    }
    if (running >= MAX_CONCURRENT) return refuse(res, 429, `${MAX_CONCURRENT} exports are running; try again when one is done.`, { 'retry-after': '30' });
    const now = new Date();
    const info = FORMAT_INFO[format];
    const filename = `guanxi-${stamp(now)}.${info.ext}`;
    res.writeHead(200, {
      ...securityHeaders({ csp: true }),
      'content-type': info.contentType.startsWith('application/vnd') || info.ext === 'zip' ? info.contentType : `${info.contentType}; charset=utf-8`,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    running++;
    const started = Date.now();
    try {
      const out = openExport(format, { stream: res });
      const summary = await runExport(graph, scope, out.writer, { collection: collectionName(graph), generator: 'guanxi /export', now });
      await out.close();
      if (!res.writableEnded) res.end();
      log.info({ format, scope: scope.kind, ...summary, ms: Date.now() - started }, 'export');
    } catch (error) {
      // Headers are gone: the only way to say "failed" is to cut the download short.
      log.warn({ err: error, format, scope: scope.kind }, 'export failed');
      res.destroy();
    } finally {
      running--;
    }
  };
}
