/**
 * GET /export?format=…&scope=…: an export streamed as a download, with the scopes and writers of
 * `guanxi export`. Read-only, the API's per-transaction read timeout (each page is its own
 * transaction), its security headers, a clear 400 for a bad parameter, and at most MAX_CONCURRENT
 * exports at a time (a 429 beyond) so downloads cannot take every connection. A view too large for
 * a URL is POSTed as JSON (the same parameters; JSON only, as for /graphql, so a cross-site form
 * cannot send it) — still a read.
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
  // A body left unread would be taken for the next request on a kept-alive connection.
  res.req.resume();
  res.writeHead(status, { ...securityHeaders({ csp: true }), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify({ error: message }) + '\n');
}

type Params = ScopeInput & { format: string };

function queryParams(query: URLSearchParams): Params {
  const one = (name: string) => query.get(name) ?? undefined;
  return {
    format: query.get('format') ?? '',
    scope: one('scope'),
    ids: query.getAll('ids'),
    depth: one('depth'),
    limit: one('limit'),
    from: one('from'),
    to: one('to'),
    types: query.getAll('types'),
    articles: one('articles'),
  };
}

/** A JSON body's parameters, each checked for its type (parseScope checks the values). */
function postParams(body: unknown): Params {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
  const b = body as Record<string, unknown>;
  const text = (v: unknown) => (v === undefined || v === null ? undefined : typeof v === 'string' || typeof v === 'number' ? String(v) : fail());
  const texts = (v: unknown) => (v === undefined || v === null ? undefined : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : text(v));
  const fail = (): never => {
    throw new Error('bad parameter');
  };
  return {
    format: text(b.format) ?? '',
    scope: text(b.scope),
    ids: texts(b.ids),
    depth: text(b.depth),
    limit: text(b.limit),
    from: text(b.from),
    to: text(b.to),
    types: texts(b.types),
    articles: typeof b.articles === 'boolean' ? b.articles : text(b.articles),
  };
}

const MAX_BODY = 1_000_000;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

export function createExportRoute(graph: Graph) {
  let running = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return refuse(res, 405, 'Use GET /export (or POST a JSON body).', { allow: 'GET, HEAD, POST' });
    if ((req.url ?? '').length > MAX_URL) return refuse(res, 414, `The query is longer than ${MAX_URL} characters: POST it as JSON.`);
    let params: Params;
    if (req.method === 'POST') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'POST /export takes application/json.');
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, `The body is larger than ${MAX_BODY} bytes.`, { connection: 'close' });
      try {
        params = postParams(JSON.parse(body));
      } catch {
        return refuse(res, 400, 'The body is not a JSON object of export parameters.');
      }
    } else {
      params = queryParams(new URL(req.url ?? '/', 'http://x').searchParams);
    }
    const { format, ...input } = params;
    if (!isExportFormat(format)) return refuse(res, 400, `format must be one of ${EXPORT_FORMATS.join(', ')}; got "${format}"`);
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
