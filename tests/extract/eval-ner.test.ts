import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { parseBio, spansFromTags } from '../../server/src/extract/eval/bio.ts';
import { countSentence, emptyCounts, micro, prf } from '../../server/src/extract/eval/score.ts';
import { runEvalNer } from '../../server/src/extract/commands.ts';
import { fixture } from './helpers.ts';

describe('BIO reading and scoring', () => {
  it('reads spans from tags, an orphan I- starting a new entity', () => {
    expect(spansFromTags(['B-PER', 'I-PER', 'O', 'I-LOC', 'I-LOC', 'B-ORG'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 5 },
      { type: 'ORG', start: 5, end: 6 },
    ]);
  });
  it('scores exact matches only', () => {
    const counts = emptyCounts();
    countSentence([{ type: 'PER', start: 0, end: 3 }, { type: 'LOC', start: 4, end: 6 }], [{ type: 'PER', start: 0, end: 3 }, { type: 'LOC', start: 4, end: 5 }], counts);
    expect(prf(counts.PER)).toEqual({ p: 1, r: 1, f1: 1 });
    expect(prf(counts.LOC)).toEqual({ p: 0, r: 0, f1: 0 });
    expect(micro(counts)).toEqual({ p: 0.5, r: 0.5, f1: 0.5 });
  });
  it('runs eval-ner on a tiny fixture: a table, then one JSON line', async () => {
    let printed = '';
    const out = new Writable({ write(chunk, _e, cb) { printed += String(chunk); cb(); } });
    const report = await runEvalNer(fixture('tiny.bio'), out);
    expect(parseBio(await import('node:fs').then((fs) => fs.readFileSync(fixture('tiny.bio'), 'utf8'))).length).toBe(2);
    const lines = printed.trim().split('\n');
    expect(lines[1]).toMatch(/^type\s+precision/);
    const last = JSON.parse(lines.at(-1)!);
    expect(Object.keys(last)).toEqual(['PER', 'LOC', 'ORG', 'micro', 'charsPerSecond']);
    expect(last).toEqual(report);
    // 王新亭, 郑州, 美国, 新华社 are all easy: everything found.
    expect(report.micro.f1).toBe(1);
  });
});
