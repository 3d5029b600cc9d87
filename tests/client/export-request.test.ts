import { describe, expect, it } from 'vitest';
import { exportRequest } from '../../client/src/export/download.ts';

describe("the explorer's export request", () => {
  it('asks GET /export for the view, with articles when the view shows some', () => {
    const { url, init } = exportRequest({ nodes: [{ id: 'Person:王新亭', type: 'Person' }, { id: 'a1', type: 'Article' }] }, 'gexf');
    expect(init.method).toBe('GET');
    const query = new URL(url, 'http://x').searchParams;
    expect(query.get('format')).toBe('gexf');
    expect(query.get('scope')).toBe('view');
    expect(query.get('articles')).toBe('true');
    expect(query.getAll('ids')).toEqual(['Person:王新亭', 'a1']);
  });

  it('POSTs a view too long for a URL as JSON', () => {
    const nodes = Array.from({ length: 400 }, (_, i) => ({ id: `Person:人物${i}`, type: 'Person' }));
    const { url, init } = exportRequest({ nodes }, 'xlsx');
    expect(url).toBe('/export');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ format: 'xlsx', scope: 'view', ids: nodes.map((n) => n.id), articles: false });
  });
});
