import type { EntityType } from '@guanxi/shared';
import { pinyin } from 'pinyin-pro';

/** Han characters: a name without any has no pinyin worth storing (it is searched by its letters). */
const HAN = /\p{Script=Han}/u;

/**
 * Pinyin keys stored on an entity so a Latin-letters search can find it by a range-index seek:
 * `pinyin` is the whole reading squashed (王新亭 → wangxinting), `initials` its first letters (wxt).
 * Tones are dropped and ü is written v, as pinyin keyboards type it. People's names are read in
 * surname mode so that 单, 曾, 仇 … at the start read as surnames (shan, zeng, qiu), not as words.
 */
export function pinyinKeys(name: string, type: EntityType): { pinyin: string; initials: string } | null {
  if (!HAN.test(name)) return null;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: type === 'Person' ? 'surname' : 'normal', nonZh: 'consecutive' })
    .map(squash)
    .filter(Boolean);
  if (syllables.length === 0) return null;
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

function squash(text: string): string {
  return text.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z0-9]/g, '');
}

/** Searches written in Latin letters: words of pinyin, maybe spaced or with apostrophes (xi'an). */
const LATIN_QUERY = /^[a-zA-ZüÜ\s'’·-]+$/;

/**
 * The pinyin key a search text would match, or null when it is not a Latin-letters search. Two
 * letters at least: a single letter is the initial of thousands of names.
 */
export function latinKey(text: string): string | null {
  const normalized = text.normalize('NFKC');
  if (!LATIN_QUERY.test(normalized)) return null;
  const key = squash(normalized);
  return key.length >= 2 ? key : null;
}
