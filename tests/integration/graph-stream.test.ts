/**
 * Graph.stream with rows read ahead of the handler (readAhead): the same rows in the same order and
 * batches as without, on the test run's Neo4j; a failing handler ends the read with its error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../server/src/graph/db.ts';
import { testGraph } from './graph.ts';

const QUERY = 'UNWIND range(1, $n) AS i RETURN i, "行" + toString(i) AS text ORDER BY i';

describe('Graph.stream, reading ahead', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
  });
  afterAll(async () => {
    await graph.driver.close();
  });

  const collect = async (n: number, options: { batch: number; fetchSize: number; readAhead: number }, slow = false) => {
    const batches: number[][] = [];
    const seen = await graph.stream<{ i: number; text: string }>(QUERY, { n }, async (rows) => {
      batches.push(rows.map((r) => r.i));
      expect(rows.every((r) => r.text === `行${r.i}`)).toBe(true);
      if (slow) await new Promise((resolve) => setTimeout(resolve, 1));
    }, options);
    return { seen, batches };
  };

  it.each([0, 7, 100, 5_000])('hands on every row once, in order and batches, reading %i ahead', async (readAhead) => {
    for (const n of [0, 1, 99, 2_345]) {
      const want = await collect(n, { batch: 100, fetchSize: 250, readAhead: 0 });
      const got = await collect(n, { batch: 100, fetchSize: 250, readAhead }, true);
      expect(got.seen).toBe(n);
      expect(got.batches).toEqual(want.batches);
      expect(got.batches.flat()).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });

  it('ends the read with the handler’s error', async () => {
    let calls = 0;
    const read = graph.stream(QUERY, { n: 10_000 }, async () => {
      if (++calls === 3) throw new Error('writer failed');
    }, { batch: 100, fetchSize: 250, readAhead: 1_000 });
    await expect(read).rejects.toThrow('writer failed');
    expect(calls).toBe(3);
    // The driver is still usable: the failed read's session was closed.
    expect(await graph.read<{ ok: number }>('RETURN 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
