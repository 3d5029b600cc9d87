import type { ArticleInput } from '@guanxi/shared';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../server/src/ingest/index.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';

describe('extraction pool', () => {
  // Run from the sources, a worker thread needs tsx and @guanxi/shared's source condition (the
  // compiled CLI's workers need neither); a worker that cannot load fails this test.
  it('extracts in a worker thread exactly as on the calling thread', async () => {
    const articles: ArticleInput[] = [];
    for await (const item of readInputs(['samples/gaoxin-2020-05.txt'])) if (item.kind === 'article') articles.push(item.article);
    expect(articles.length).toBeGreaterThan(0);
    const local = new ExtractionPool({ workers: 0 });
    const threaded = new ExtractionPool({ workers: 1 });
    try {
      expect(await threaded.extract(articles)).toEqual(await local.extract(articles));
    } finally {
      await threaded.close();
    }
  }, 60_000);
});
