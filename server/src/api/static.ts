import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { securityHeaders } from './http/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const HEADERS = securityHeaders({ csp: true });

/**
 * Serves the built explorer (client/dist); unknown paths get index.html so the page can route.
 * Only files inside the folder, only types the explorer ships (no source maps, no dot files), and
 * a malformed path is a 400, never an exception.
 */
export function serveStatic(rootDir: string) {
  const root = path.resolve(rootDir);
  const index = path.join(root, 'index.html');
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const urlPath = decodedPath(req.url ?? '/');
    if (urlPath === null) {
      res.writeHead(400, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request: the path is not valid percent-encoding.\n');
      return true;
    }
    const file = resolveFile(root, index, urlPath);
    if (!file) return false;
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      ...HEADERS,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    return true;
  };
}

function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
}

/** The file for a path: inside `root` (a sibling folder sharing its prefix is outside), of a type we serve. */
function resolveFile(root: string, index: string, urlPath: string): string | undefined {
  if (urlPath.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.sep}${urlPath}`);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const servable = relative.split(path.sep).every((part) => !part.startsWith('.')) && path.extname(file) in TYPES;
  if (servable && isFile(file)) return file;
  // A path with an extension is a missing file; one without is a route of the page.
  return path.extname(urlPath) === '' && isFile(index) ? index : undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
