import { describe, expect, it } from 'vitest';
import {
  PERSON_SUFFIX_WORDS, PLACE_SUFFIXES, TITLES, isPersonSuffixWord, isPlaceSuffix, isTitle,
} from '../../server/src/extract/chinese/cues.ts';
import { findPlaces } from '../../server/src/extract/chinese/places.ts';
import type { Unit } from '../../server/src/extract/chinese/units.ts';

// The last-character bit in front of each set must never turn a member away (it only saves hashing).
describe('membership tests with a character bit first', () => {
  const cases = [
    ['isTitle', isTitle, TITLES],
    ['isPersonSuffixWord', isPersonSuffixWord, PERSON_SUFFIX_WORDS],
    ['isPlaceSuffix', isPlaceSuffix, PLACE_SUFFIXES],
  ] as const;
  for (const [name, test, set] of cases) {
    it(`${name} answers as the set does`, () => {
      for (const w of set) expect(test(w), w).toBe(true);
      // Non-members, among them words that end like members (副书记 is one, 书记处 is not).
      for (const w of ['', '书记处', '市民', '同志们', '山东人', '的', 'abc', '长']) expect(test(w), w).toBe(set.has(w));
    });
  }
});

describe('findPlaces: the regexes run only where a first character is marked', () => {
  const one = (text: string): Unit[] => [{ text, start: 0, end: text.length, tag: 'x' }];
  it('still reads every side and travel word', () => {
    // Each first character of the two regexes, with a second it takes.
    const side = [...'中美日俄英法德韩朝越印巴意加澳欧泰菲缅埃以伊叙墨荷葡'].map((c) => c + '方').concat([...'华港澳台'].map((c) => c + '侨'), ['藏胞']);
    for (const w of side) expect(findPlaces(one(w)).map((s) => s.rule), w).toEqual(['abbreviation-side']);
    const trip = [...'访来在抵离赴进驻旅返回援入留出经对反侵抗亲排'].map((c) => c + '华');
    for (const w of trip) expect(findPlaces(one(w)).map((s) => s.rule), w).toEqual(['trip-abbreviation']);
  });
});
