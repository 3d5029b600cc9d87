import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportEdge, ExportNode } from '@guanxi/shared';
import { xlsxWriter } from '../../server/src/export/xlsx.ts';

describe('XLSX writer', () => {
  it('goes on into "Relationships 2", "… 3" past the row limit, however the batches fall', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    const writer = xlsxWriter(out, { maxRows: 2 });
    await writer.begin({ description: 'd', exportedAt: '2026-12-03T00:00:00Z', filters: {}, collection: 'c', generator: 'g' });
    const nodes: ExportNode[] = [
      { id: 'Person:王新亭', type: 'Person', name: '王新亭' },
      { id: 'Person:李兴东', type: 'Person', name: '李兴东' },
      { id: 'Person:吕海波', type: 'Person', name: '吕海波' },
    ];
    await writer.nodes(nodes);
    const edge = (i: number): ExportEdge => ({ id: `e${i}`, source: 'Person:王新亭', target: 'Person:李兴东', type: 'CO_MENTIONED', weight: i });
    await writer.edges([edge(1)]);
    await writer.edges([edge(2), edge(3), edge(4)]);
    await writer.edges([edge(5)]);
    await writer.end({ nodes: 3, edges: 5, truncated: false });
    await ended;
    const book = XLSX.read(Buffer.concat(chunks), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['README', 'Person', 'Person 2', 'Relationships', 'Relationships 2', 'Relationships 3']);
    const weights = ['Relationships', 'Relationships 2', 'Relationships 3'].flatMap((s) => XLSX.utils.sheet_to_json<{ weight: number }>(book.Sheets[s]!).map((r) => r.weight));
    expect(weights).toEqual([1, 2, 3, 4, 5]);
  });
});
