import { describe, expect, it } from 'vitest';
import { fillBins, stepWindow, windowDates, windowIndices } from '../../client/src/time/buckets.ts';
import { groupHits } from '../../client/src/search/groupHits.ts';
import { highlightSegments, withNameOffsets } from '../../client/src/panels/highlight.ts';
import { seenInWindow } from '../../client/src/graph/canvasState.ts';
import { initialLanguage } from '../../client/src/i18n/index.ts';
import { en } from '../../client/src/i18n/en.ts';
import { zh } from '../../client/src/i18n/zh.ts';
import type { SearchHit } from '../../client/src/api/queries.ts';

describe('time buckets', () => {
  const bins = fillBins(
    [
      { start: '2020-11-01', count: 2 },
      { start: '2021-02-01', count: 5 },
    ],
    'MONTH',
  );

  it('fills the months between with zeros, across a year end', () => {
    expect(bins.map((b) => [b.key, b.count])).toEqual([['2020-11', 2], ['2020-12', 0], ['2021-01', 0], ['2021-02', 5]]);
    expect(bins[1]!.end).toBe('2020-12-31');
    expect(bins[3]!.end).toBe('2021-02-28');
  });

  it('maps windows to dates and back; the whole range is no filter', () => {
    expect(windowDates(bins, 0, 3)).toEqual({ from: null, to: null });
    expect(windowDates(bins, 1, 2)).toEqual({ from: '2020-12-01', to: '2021-01-31' });
    expect(windowIndices(bins, '2020-12-01', '2021-01-31')).toEqual([1, 2]);
    expect(windowIndices(bins, null, null)).toEqual([0, 3]);
  });

  it('plays month by month, keeping the window width, and stops at the end', () => {
    expect(stepWindow(bins, 0, 3)).toEqual([0, 0]);
    expect(stepWindow(bins, 0, 1)).toEqual([1, 2]);
    expect(stepWindow(bins, 2, 3)).toBeUndefined();
  });

  it('counts days for a short collection', () => {
    const days = fillBins([{ start: '2020-05-30', count: 1 }, { start: '2020-06-02', count: 1 }], 'DAY');
    expect(days.map((d) => d.key)).toEqual(['2020-05-30', '2020-05-31', '2020-06-01', '2020-06-02']);
  });
});

describe('search suggestions', () => {
  const hit = (id: string, type: SearchHit['type']): SearchHit => ({ id, type, label: id, score: 1, articles: 1, date: null, matchedBy: 'TEXT' });
  it('groups entities by type in the order of their best hit, articles last', () => {
    const groups = groupHits([hit('a1', 'Article'), hit('o1', 'Organization'), hit('p1', 'Person'), hit('o2', 'Organization')]);
    expect(groups.map((g) => [g.type, g.hits.map((h) => h.id)])).toEqual([
      ['Organization', ['o1', 'o2']],
      ['Person', ['p1']],
      ['Article', ['a1']],
    ]);
  });
});

describe('article highlighting', () => {
  it('marks aliases and short forms extraction did not record, without overlapping the recorded mentions', () => {
    const body = '高新区管委会主任王新亭说，管委会将加快建设。';
    const mentions = withNameOffsets(body, [{ ref: 'org', offsets: [0, 6], names: ['高新区管委会', '管委会'] }]);
    const marked = highlightSegments(body, mentions).filter((s) => s.ref).map((s) => s.text);
    expect(marked).toEqual(['高新区管委会', '管委会']);
  });
});

describe('time window', () => {
  it('keeps a link whose dates overlap the window, and one without dates', () => {
    expect(seenInWindow('2021-01-10', '2021-03-10', '2021-02-01', '2021-02-28')).toBe(true);
    expect(seenInWindow('2021-03-01', '2021-03-10', null, '2021-02-28')).toBe(false);
    expect(seenInWindow('2020-01-01', '2020-12-31', '2021-01-01', null)).toBe(false);
    expect(seenInWindow(undefined, undefined, '2021-01-01', '2021-01-31')).toBe(true);
  });
});

describe('languages', () => {
  it('takes the stored choice, else the first browser language it has, else Chinese', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(initialLanguage(null, ['zh-TW'])).toBe('zh');
    expect(initialLanguage(null, ['de'])).toBe('zh');
  });

  it('translates every key, type and relationship name', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    expect(zh.edge.HOLDS_POSITION).toBe('任职');
    expect(en.edge.HOLDS_POSITION).toBe('holds position');
  });
});
