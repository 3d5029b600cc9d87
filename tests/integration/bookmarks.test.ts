import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../server/src/graph/db.ts';
import { testGraph } from './graph.ts';

/** Reads carry the bookmarks of the process's last write, so a cluster answers them with that write in. */
describe('causal consistency', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
  });
  afterAll(async () => {
    await graph.write('MATCH (p:BookmarkProbe) DELETE p');
    await graph.driver.close();
  });

  it('a write leaves a bookmark that every Graph on the driver shares, and a later read sees the write', async () => {
    const before = await graph.bookmarks();
    await graph.write('CREATE (:BookmarkProbe {at: $at})', { at: 1 });
    const after = await graph.bookmarks();
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    // The API's graph is the same driver with a timeout: it waits for the same bookmarks.
    const api = graph.with({ readTimeoutMs: 5_000 });
    expect(await api.bookmarks()).toEqual(after);
    expect(await api.read('MATCH (p:BookmarkProbe) RETURN count(p) AS n')).toEqual([{ n: 1 }]);
  });
});
