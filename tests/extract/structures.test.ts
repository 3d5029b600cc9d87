import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addToTrie, flattenTrie, gazetteer, longestInFlatTrie, longestInTrie, newTrie } from '../../server/src/extract/chinese/gazetteer.ts';
import { placeWords } from '../../server/src/extract/chinese/units.ts';
import { WORLD_PLACES } from '../../server/src/extract/chinese/world.ts';
import { ENTITY_CLASS, dictEntry, dictTag, dictionaryWords, type DictionaryMatches } from '../../server/src/extract/chinese/tokens.ts';
import { ORG_HEADS, longestSuffix } from '../../server/src/extract/chinese/cues.ts';
import { foldWidth } from '../../server/src/extract/text/fold.ts';
import { recognizeRules } from '../../server/src/extract/chinese/recognize.ts';
import { FEATURES, featureHash, featurize, sportsTopic, strHash } from '../../server/src/extract/learn/features.ts';

const page = foldWidth(readFileSync(fileURLToPath(new URL('../../samples/gaoxin-2020-05.txt', import.meta.url)), 'utf8'));

// The speed work replaced Maps with typed-array structures; these check they give the same answers.
describe('compact lookup structures', () => {
  it('the flat gazetteer trie matches the Map trie at every position of the sample page', () => {
    const trie = newTrie(gazetteer().matchable);
    const flat = flattenTrie(trie);
    for (let i = 0; i < page.length; i++) expect(longestInFlatTrie(flat, page, i, 24)).toBe(longestInTrie(trie, page, i, 24));
  });

  it('the place scan gives the longest gazetteer or world name at every position, as the trie walk does', () => {
    const text = page + '美国纽约、河南省郑州市高新区梧桐街道和卢氏县徐家湾乡，巴黎';
    const len = new Uint8Array(text.length);
    placeWords(text, len);
    const trie = newTrie(gazetteer().matchable);
    for (const n of WORLD_PLACES) addToTrie(trie, n);
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      expect(len[i]).toBe(c < 0x3400 || c > 0x9fff ? 0 : longestInTrie(trie, text, i, 24));
      if (len[i]! >= 2) found++;
    }
    expect(found).toBeGreaterThan(30);
  });

  it('the dictionary table gives jieba tags and frequencies, our added words included', () => {
    expect(dictTag('北京')).toBe('ns');
    expect(dictEntry('北京')!.freq).toBeGreaterThan(1000);
    expect(dictTag('党工委')).toBe('nt');
    expect(dictEntry('常务副主任')).toEqual({ freq: 2000, tag: 'nn' });
    expect(dictTag('兴东李')).toBeUndefined();
  });

  /** The dictionary scan over a text, into arrays that held another text's matches before (they must be reset). */
  const scan = (text: string): DictionaryMatches => {
    const size = text.length + 40;
    const out = { nameLength: new Uint8Array(size), nameClass: new Uint8Array(size), begin: new Uint8Array(size), mid: new Uint8Array(size), end: new Uint8Array(size), org: new Uint8Array(size) };
    dictionaryWords('中国人民银行北京分行'.repeat(Math.ceil(size / 10)), out);
    dictionaryWords(text, out);
    return out;
  };

  it('the dictionary scan finds the longest name word at every position, as slicing and looking up would', () => {
    const text = page.slice(0, 3000) + '北京大学的克林顿在新华社和中央电视台见到北大校长、全国人大常委会';
    const { nameLength: len, nameClass: cls } = scan(text);
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      let best = 0;
      let bestCls = 0;
      const c = text.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) {
        for (let n = 2; n <= 15 && i + n <= text.length; n++) {
          const k = ENTITY_CLASS[dictTag(text.slice(i, i + n)) ?? ''] ?? 0;
          if (k) [best, bestCls] = [n, k];
        }
      }
      expect([len[i], cls[i]]).toEqual([best, bestCls]);
      if (best) found++;
    }
    expect(found).toBeGreaterThan(50);
  });

  it('the dictionary scan marks every lattice word of 2–8 characters at its start, inside and end, as slicing and looking up would', () => {
    const text = page.slice(0, 2000) + '中国致公党第十一次全国代表大会在北京召开，外交部发言人、中国人民银行行长出席';
    const n = text.length;
    const { begin, mid, end, org } = scan(text);
    const want = [0, 1, 2, 3].map(() => new Uint8Array(n)) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const han = (c: number) => c >= 0x3400 && c <= 0x9fff;
    for (let i = 0; i < n; i++) {
      for (let len = 2; len <= 8 && i + len <= n; len++) {
        const w = text.slice(i, i + len);
        if (!han(w.charCodeAt(0)) || !han(w.charCodeAt(1)) || dictTag(w) === undefined) continue;
        const bit = len >= 5 ? 8 : 1 << (len - 2);
        const j = i + len - 1;
        want[0][i]! |= bit;
        want[2][j]! |= bit;
        for (let k = i + 1; k < j; k++) want[1][k]! |= bit;
        const head = longestSuffix(ORG_HEADS, w);
        if (head > 0 && head < len) {
          want[3][i]! |= 1;
          want[3][j]! |= 4;
          for (let k = i + 1; k < j; k++) want[3][k]! |= 2;
        }
      }
    }
    expect([...begin.subarray(0, n)]).toEqual([...want[0]]);
    expect([...mid.subarray(0, n)]).toEqual([...want[1]]);
    expect([...end.subarray(0, n)]).toEqual([...want[2]]);
    expect([...org.subarray(0, n)]).toEqual([...want[3]]);
    // 外交部 begins at 外, runs through 交 and ends at 部, an organization word.
    const at = text.lastIndexOf('外交部');
    expect([begin[at]! & 2, mid[at + 1]! & 2, end[at + 2]! & 2, org[at], org[at + 1]! & 2, org[at + 2]! & 4]).toEqual([2, 2, 2, 1, 2, 4]);
  });

  it('featurize hashes each template as the reference hash does (the inline loop cannot drift)', () => {
    const text = '卢氏县委副书记李兴东';
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    const code = (i: number) => (i < 0 ? -1 : i >= text.length ? -2 : text.charCodeAt(i));
    for (let i = 0; i < text.length; i++) {
      const at = (slot: number) => feats[i * FEATURES + slot];
      expect(at(0)).toBe(featureHash(0, 0)); // bias
      expect(at(3)).toBe(featureHash(3, code(i))); // the character
      expect(at(6)).toBe(featureHash(6, code(i - 1), code(i))); // bigram to the left
      expect(at(29)).toBe(featureHash(29, code(i - 1), code(i), code(i + 1))); // trigram
      // The jieba unit around the character: its tag × position, and its word × position.
      const u = units.find((w) => w.start <= i && i < w.end)!;
      const pos = u.end - u.start === 1 ? 3 : i === u.start ? 0 : i === u.end - 1 ? 2 : 1;
      expect(at(11)).toBe(featureHash(11, strHash(u.tag), pos));
      expect(at(15)).toBe(featureHash(15, strHash(u.text), pos));
    }
    expect(new Set(Array.from(feats)).size).toBeGreaterThan(text.length * 20);
  });

  it('reads a sentence as sports news by its words, and conjoins only there the rule verdict with the topic', () => {
    expect([
      '辽宁队以3比1战胜上海队', '意大利、德国等老牌世界冠军均已出线', '中国女排在决赛中击败古巴', '比分为2∶0',
      '卢氏县委副书记李兴东到徐家湾乡调研', '部队官兵和队员们一起', '他在全球范围内招商', '驻村工作队和医疗队来到卢氏县',
    ].map(sportsTopic)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    const slots = (text: string) => {
      const { units, spans } = recognizeRules(text);
      const feats = featurize(text, units, spans);
      return { first: Array.from(feats.subarray(0, 41)), topic: [feats[41], feats[42]] };
    };
    // 上海 opens both sentences: the 41 templates that do not read the topic see the same up to the
    // next characters, so compare the sentences' first character only through templates 41–42.
    const sports = slots('上海队以2比1战胜北京队');
    const other = slots('上海市政府今天召开会议');
    expect(other.topic).toEqual([0, 0]); // no feature
    expect(sports.topic[0]).not.toBe(0);
    expect(sports.topic[1]).not.toBe(0);
    expect(sports.first[0]).toBe(other.first[0]); // the bias
    // The tagger reads a whole article: the topic is its sentence's, not the article's.
    const text = '上海队以2比1战胜北京队。上海市政府今天召开会议。';
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    const second = text.indexOf('上海市');
    expect(feats[41]).toBe(sports.topic[0]);
    expect([feats[second * FEATURES + 41], feats[second * FEATURES + 42]]).toEqual([0, 0]);
  });
});
