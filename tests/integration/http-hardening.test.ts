/**
 * The HTTP server against hostile and careless requests: each case here once stopped the server,
 * leaked a file, or answered a user's mistake with "Unexpected error.".
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/src/api/plugins/body-limit.ts';
import { createServer } from '../../server/src/api/server.ts';
import { loadConfig } from '../../server/src/config.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { testGraph } from './graph.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: fetch would normalise the path, and these tests are about paths as sent. */
function raw(base: string, rawPath: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (query: string, variables: Record<string, unknown> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

describe('HTTP hardening', () => {
  let graph: Graph;
  let server: http.Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    graph = await testGraph();
    // A built explorer, and beside it a folder whose name starts with the explorer's folder name.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-static-'));
    fs.mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'dist-x'));
    fs.writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>explorer</title>');
    fs.writeFileSync(path.join(dir, 'dist', 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'dist', 'assets', 'app.js.map'), '{"sources":["secret.ts"]}');
    fs.writeFileSync(path.join(dir, 'dist', '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(dir, 'dist-x', 'secret.txt'), 'the neighbour folder');
    server = createServer({ graph, graphiql: false, clientDir: path.join(dir, 'dist') });
    base = await listen(server);
  });
  afterAll(async () => {
    server.close();
    await graph.driver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    for (const bad of ['/%', '/%E4%B8', '/assets/%zz.js']) expect((await raw(base, bad)).status).toBe(400);
    expect((await raw(base, '/health')).status).toBe(200);
  });

  it('never serves a file outside the explorer folder, a source map or a dot file', async () => {
    for (const sneaky of ['/..%2fdist-x%2fsecret.txt', '/%2e%2e/dist-x/secret.txt', '/..%5cdist-x%5csecret.txt', '/assets/app.js.map', '/.env', '/%00']) {
      const reply = await raw(base, sneaky);
      expect(reply.body, sneaky).not.toMatch(/neighbour folder|secret\.ts|SECRET=1/);
    }
    expect((await raw(base, '/assets/app.js')).status).toBe(200);
    // A route of the page (no extension) gets the page; a missing file does not.
    expect((await raw(base, '/some/view')).body).toMatch(/explorer/);
    expect((await raw(base, '/assets/missing.js')).status).toBe(404);
  });

  it('treats search text as words: operators, escapes and odd characters are searched, not parsed', async () => {
    for (const text of ['AND', 'OR NOT', 'a AND b', 'NOT', 'TO', '\\', '"', '*', '?', '~1', '王新亭 OR', 'a:b', '((', '\u0000', '&&', '||', '!']) {
      const reply = await raw(base, '/graphql', json('query($t: String!) { search(text: $t) { id } }', { t: text }));
      const result = JSON.parse(reply.body);
      expect(result.errors, `search ${JSON.stringify(text)}`).toBeUndefined();
      expect(Array.isArray(result.data.search)).toBe(true);
    }
  });

  it('refuses search text over the term or length cap with a clear message, not an internal error', async () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const result = JSON.parse((await raw(base, '/graphql', json('query($t: String!) { search(text: $t) { id } }', { t: words }))).body);
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0].message).toMatch(/limited to 200 characters/);
    const manyShort = Array.from({ length: 40 }, () => 'a').join(' ');
    const terms = JSON.parse((await raw(base, '/graphql', json('query($t: String!) { search(text: $t) { id } }', { t: manyShort }))).body);
    expect(terms.errors[0].message).toMatch(/limited to 32 words; got 40/);
    // Under the caps, a long run of CJK (a clause a character pair) still answers.
    const cjk = JSON.parse((await raw(base, '/graphql', json('query($t: String!) { search(text: $t) { id } }', { t: '王'.repeat(199) }))).body);
    expect(cjk.errors).toBeUndefined();
  });

  it('sends no CORS headers unless origins are configured, and never allows credentials', async () => {
    const request = { ...json('{ __typename }'), headers: { 'content-type': 'application/json', origin: 'https://evil.example' } };
    const closed = await raw(base, '/graphql', request);
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    expect(closed.headers['access-control-allow-credentials']).toBeUndefined();

    const open = createServer({ graph, graphiql: false, corsOrigins: ['https://analyst.example'] });
    const openBase = await listen(open);
    try {
      const evil = await raw(openBase, '/graphql', request);
      expect(evil.headers['access-control-allow-origin']).not.toBe('https://evil.example');
      const friend = await raw(openBase, '/graphql', { ...request, headers: { ...request.headers, origin: 'https://analyst.example' } });
      expect(friend.headers['access-control-allow-origin']).toBe('https://analyst.example');
      expect(friend.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      open.close();
    }
  });

  it('hides introspection and field suggestions unless GraphiQL is on', async () => {
    const introspection = JSON.parse((await raw(base, '/graphql', json('{ __schema { types { name } } }'))).body);
    expect(introspection.errors[0].message).toMatch(/Introspection is disabled/);
    const typo = JSON.parse((await raw(base, '/graphql', json('{ serch(text: "x") { id } }'))).body);
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);

    const dev = createServer({ graph, graphiql: true });
    const devBase = await listen(dev);
    try {
      const allowed = JSON.parse((await raw(devBase, '/graphql', json('{ __schema { queryType { name } } }'))).body);
      expect(allowed.data.__schema.queryType.name).toBe('Query');
    } finally {
      dev.close();
    }
  });

  it('sends security headers with the page and the API', async () => {
    for (const reply of [await raw(base, '/'), await raw(base, '/graphql', json('{ __typename }')), await raw(base, '/health')]) {
      expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(reply.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('executes queries only from JSON POSTs and GETs: forms and multipart are refused (CSRF)', async () => {
    const form = await raw(base, '/graphql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
    expect(form.status).toBe(415);
    const boundary = 'x-boundary';
    const multipart = await raw(base, '/graphql', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{__typename}"}\r\n--${boundary}--\r\n`,
    });
    expect(multipart.status).toBe(415);
    const plain = await raw(base, '/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{__typename}"}' });
    expect(plain.status).toBe(415);
    const get = JSON.parse((await raw(base, '/graphql?query=%7B__typename%7D', { headers: { accept: 'application/json' } })).body);
    expect(get.data.__typename).toBe('Query');
  });

  it('refuses a GraphQL body over the cap, or without a length, with a status that says so', async () => {
    const query = JSON.stringify({ query: '{ __typename }' });
    const fine = await raw(base, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(query.length) }, body: query });
    expect(JSON.parse(fine.body).data.__typename).toBe('Query');
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
    const tooLarge = await raw(base, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const chunked = await raw(base, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: query });
    expect(chunked.status).toBe(411);
    expect(JSON.parse(chunked.body).errors[0].message).toMatch(/Content-Length/);
    // The server goes on serving.
    expect(JSON.parse((await raw(base, '/graphql', json('{ __typename }'))).body).data.__typename).toBe('Query');
  });

  it('words query-limit rejections as limits, not syntax errors', async () => {
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: stats { articles }`).join(' ')} }`;
    const tokens = `{ ${Array.from({ length: 3000 }, () => '__typename').join(' ')} }`;
    for (const query of [aliases, tokens]) {
      const result = JSON.parse((await raw(base, '/graphql', json(query))).body);
      expect(result.errors[0].message).not.toMatch(/Syntax Error/);
      expect(result.errors[0].message).toMatch(/^Query too large: .*limit/);
      expect(result.errors[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    }
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });
});
