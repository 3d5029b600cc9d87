import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../client/src/api/queries.ts';
import { describeDetail } from '../../client/src/panels/hitDetail.ts';

const entity = (articles: number, matchedBy: SearchHit['matchedBy'] = 'NAME'): SearchHit => ({
  id: 'Person:王新亭', type: 'Person', label: '王新亭', score: 100, articles, date: null, matchedBy,
});

describe('a search hit\'s detail line', () => {
  it('formats an entity\'s article count from the number, singular and plural', () => {
    expect(describeDetail(entity(1))).toBe('1 article');
    expect(describeDetail(entity(12345))).toMatch(/^12.?345 articles$/);
  });

  it('says when a hit was found by pinyin or alias, and shows an article\'s date', () => {
    expect(describeDetail(entity(2, 'PINYIN'))).toBe('2 articles · by pinyin');
    expect(describeDetail(entity(2, 'ALIAS'))).toBe('2 articles · by alias');
    expect(describeDetail({ ...entity(0, 'TEXT'), type: 'Article', articles: null, date: '2020-05-07' })).toBe('2020-05-07');
  });
});
