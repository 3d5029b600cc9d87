import { describe, expect, it } from 'vitest';
import { latinKey, pinyinKeys } from '../../server/src/graph/pinyin.ts';

describe('pinyin keys of entity names', () => {
  it('squashes the reading and its initials, tones dropped', () => {
    expect(pinyinKeys('王新亭', 'Person')).toEqual({ pinyin: 'wangxinting', initials: 'wxt' });
    expect(pinyinKeys('高新区管委会', 'Organization')).toEqual({ pinyin: 'gaoxinquguanweihui', initials: 'gxqgwh' });
  });

  it('reads a person\'s first character as a surname, other names as words', () => {
    expect(pinyinKeys('单雄信', 'Person')!.pinyin).toBe('shanxiongxin');
    expect(pinyinKeys('曾国藩', 'Person')!.pinyin).toBe('zengguofan');
    expect(pinyinKeys('重庆市', 'Place')!.pinyin).toBe('chongqingshi');
  });

  it('writes ü as v and has nothing for names without Han characters', () => {
    expect(pinyinKeys('吕梁', 'Place')!.pinyin).toBe('lvliang');
    expect(pinyinKeys('Tesla', 'Organization')).toBeNull();
  });
});

describe('Latin-letter searches', () => {
  it('are lowercased with spaces and apostrophes dropped', () => {
    expect(latinKey('Wang Xinting')).toBe('wangxinting');
    expect(latinKey("xi'an")).toBe('xian');
    expect(latinKey('ＷＸＴ')).toBe('wxt');
  });

  it('are not Chinese text, digits or single letters', () => {
    expect(latinKey('王新亭')).toBeNull();
    expect(latinKey('G20')).toBeNull();
    expect(latinKey('w')).toBeNull();
  });
});
