import { describe, expect, it } from 'vitest';
import { highlightSegments, markTerms } from '../../client/src/panels/highlight.ts';

describe('highlightSegments', () => {
  const body = '高新区党工委书记王新亭出席。王新亭表示';

  it('splits the body at mention offsets, keeping all text', () => {
    const segments = highlightSegments(body, [{ ref: 'wxt', offsets: [8, 11, 14, 17] }]);
    expect(segments).toEqual([
      { text: '高新区党工委书记' },
      { text: '王新亭', ref: 'wxt' },
      { text: '出席。' },
      { text: '王新亭', ref: 'wxt' },
      { text: '表示' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(body);
  });

  it('keeps the longer of overlapping mentions and ignores bad offsets', () => {
    const segments = highlightSegments(body, [
      { ref: 'short', offsets: [3, 6] },
      { ref: 'long', offsets: [0, 6] },
      { ref: 'bad', offsets: [5, 2, 18, 99, 7] },
    ]);
    expect(segments).toEqual([{ text: '高新区党工委', ref: 'long' }, { text: body.slice(6) }]);
  });
});

describe('markTerms', () => {
  it('marks every occurrence, longest term first', () => {
    expect(markTerms('高新区党工委书记王新亭', ['党工委', '高新区党工委', '王新亭'])).toEqual([
      { text: '高新区党工委', ref: true },
      { text: '书记' },
      { text: '王新亭', ref: true },
    ]);
  });

  it('treats terms literally', () => {
    expect(markTerms('a.b (c)', ['(c)'])).toEqual([{ text: 'a.b ' }, { text: '(c)', ref: true }]);
  });
});
