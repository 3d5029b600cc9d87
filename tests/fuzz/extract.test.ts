/**
 * The extractor fed random text: any Unicode, control characters, long runs of punctuation,
 * Chinese and English mixed, with and without a language hint. It must not throw, must finish in
 * time that grows with the text and not its square, and must give names without control
 * characters and mentions inside the body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractor, type ExtractInput } from '../../server/src/extract/index.ts';
import { fuzz, inCampaign, withinMs } from './budget.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const TIMEOUT = inCampaign ? 3_600_000 : 120_000;
const extractor = createExtractor();

function check(article: ExtractInput): void {
  const result = extractor.extract(article);
  for (const name of result.authors) expect(name).not.toMatch(CONTROL);
  for (const e of result.entities) {
    expect(e.name).not.toMatch(CONTROL);
    expect(e.name.trim()).not.toBe('');
    for (const alias of e.aliases) expect(alias).not.toMatch(CONTROL);
    for (const m of e.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.end).toBeLessThanOrEqual(article.body.length);
    }
  }
  for (const r of result.relations) {
    expect(r.from).not.toMatch(CONTROL);
    expect(r.to).not.toMatch(CONTROL);
  }
}

const WORDS = ['Barack Obama', 'Paris', 'the United Nations', 'said', 'on Monday', 'By Jane Doe', '高新区党工委', '书记', '王新亭',
  '郑州市', '会见', '。', '，', '. ', '\n', '-', '...', '\u0000', '\u0007', '\ufffd', '"', '“', '”', '(', ')', '#', '*'];
const piece = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.tuple(fc.constantFrom('-', '.', '\ufffd', '\u0000', '=', '*', '。', 'a.', '. ', 'A ', '"'), fc.integer({ min: 1, max: 3000 })).map(([c, n]) => c.repeat(n)),
);
const body = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
const lang = fc.constantFrom(undefined, 'en', 'zh');

describe('extractor under fuzzing', () => {
  it('random and mixed text: no throw, in time, clean names, mentions in the body', async () => {
    await fuzz('extract: random text', fc.asyncProperty(body, fc.string({ maxLength: 30 }), lang, async (text, title, hint) => {
      await withinMs(20_000, `extracting ${text.length} characters`, async () => check({ title, body: text, lang: hint }));
    }), 30);
  }, TIMEOUT);

  it('any Unicode at all', async () => {
    await fuzz('extract: any unicode', fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), lang, async (text, hint) => {
      await withinMs(20_000, `extracting ${text.length} characters`, async () => check({ title: '', body: text, lang: hint }));
    }), 30);
  }, TIMEOUT);

  it('stays linear on long runs: 128 KB takes about 4 × what 32 KB takes, not 16 ×', () => {
    for (const unit of ['-', 'a.', '. ', 'John Smith met Paris. ']) {
      const time = (n: number) => {
        const text = `Barack Obama visited Paris. ${unit.repeat(Math.ceil(n / unit.length))}`;
        const started = performance.now();
        extractor.extract({ title: '', body: text, lang: 'en' });
        return performance.now() - started;
      };
      time(8 * 1024); // warm up
      const small = time(32 * 1024);
      const large = time(128 * 1024);
      // Quadratic would be 16 ×; the margin is for a loaded machine and the garbage collector.
      expect(large, `"${unit}": 32 KB ${Math.round(small)} ms, 128 KB ${Math.round(large)} ms`).toBeLessThan(Math.max(10 * small, 2000));
    }
  }, TIMEOUT);
});
