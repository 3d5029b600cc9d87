import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '@guanxi/shared';
import { createExtractor, parseLexicon, type Extractor } from '../../server/src/extract/index.ts';
import { extractAll } from '../../server/src/importer/extract-one.ts';
import { sampleArticles } from './helpers.ts';

const articles = (): ArticleInput[] => {
  const page = sampleArticles().map((a, i) => ({ id: `zh-${i}`, ...a, date: '2020-05-08' }));
  const english = { id: 'en', title: 'Visit', body: 'Angela Merkel met Emmanuel Macron in Paris on Monday, the German government said.', date: '2020-05-08' };
  // More than one stage batch (32), Chinese and English interleaved, a repeat of the same object.
  return [...page, english, ...Array.from({ length: 7 }, () => page).flat(), english, page[0]!] as ArticleInput[];
};

describe('extracting several articles stage by stage', () => {
  it('gives each article what extracting it alone gives, in order, English ones included', () => {
    const lexicon = parseLexicon('Organization\t郑州圆方集团\t圆方集团\nstop\t中原地区\n');
    const extractor = createExtractor({ lexicon });
    const input = articles();
    expect(input.length).toBeGreaterThan(32);
    const many = extractor.extractMany(input);
    expect(many).toHaveLength(input.length);
    input.forEach((a, i) => expect(many[i]).toEqual(extractor.extract(a)));
    expect(many.some((e) => e.entities.some((x) => x.name === 'Angela Merkel'))).toBe(true);
  });

  it('extractAll: given entities are used as given, and an extractor that fails on the batch fails only the bad article', () => {
    const real = createExtractor();
    const flaky: Extractor = {
      extract: (a) => {
        if (a.body.includes('坏')) throw new Error('bad text');
        return real.extract(a);
      },
      extractMany: (as) => {
        if (as.some((a) => a.body.includes('坏'))) throw new Error('bad text');
        return real.extractMany(as);
      },
    };
    const [first] = sampleArticles();
    const input: ArticleInput[] = [
      { id: 'a', title: first!.title, body: first!.body },
      { id: 'b', title: '', body: '坏' },
      { id: 'c', title: '', body: '张三在北京。', entities: [{ type: 'Person', name: '张三', aliases: [] }] },
    ] as ArticleInput[];
    const results = extractAll(flaky, input);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toEqual({ ok: false, reason: 'extraction failed: bad text' });
    const given = results[2]!;
    expect(given.ok && given.extraction.entities.map((e) => e.name)).toEqual(['张三']);
    expect(results[0]).toEqual({ ok: true, extraction: real.extract(input[0]!) });
  });
});
