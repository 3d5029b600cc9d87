import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { foldWidth } from '../../server/src/extract/text/fold.ts';
import { recognize, recognizeRules } from '../../server/src/extract/chinese/recognize.ts';
import { MODEL_PATH, NT, Tagger, allowed, defaultTagger, spansFromTagSeq, tagsFromSpans, viterbi } from '../../server/src/extract/learn/model.ts';
import { FEATURES, featurize } from '../../server/src/extract/learn/features.ts';

describe('learned tagger', () => {
  it('ships a compact model that loads', () => {
    expect(existsSync(MODEL_PATH)).toBe(true);
    const t = defaultTagger();
    expect(t).not.toBeNull();
    expect(t!.features).toBeGreaterThan(10000);
  });

  it('round-trips tags and spans under BIOES', () => {
    const spans = [{ type: 0, start: 0, end: 3 }, { type: 1, start: 4, end: 5 }, { type: 2, start: 6, end: 9 }];
    expect(spansFromTagSeq(tagsFromSpans(10, spans))).toEqual(spans);
    expect(allowed(1, 2)).toBe(true); // B-PER → I-PER
    expect(allowed(1, 5)).toBe(false); // B-PER → B-LOC
    expect(allowed(0, 2)).toBe(false); // O → I-PER
  });

  it('decodes only valid paths, and prices its own spans at zero', () => {
    const text = foldWidth('国务院总理李鹏今天在北京会见了美国国务卿奥尔布赖特。');
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    expect(feats.length).toBe(text.length * FEATURES);
    const t = defaultTagger()!;
    const emit = t.emissions(feats, text.length);
    const tags = new Uint8Array(text.length);
    viterbi(emit, text.length, t.trans, t.start, t.end, tags);
    for (let i = 1; i < tags.length; i++) expect(allowed(tags[i - 1]!, tags[i]!)).toBe(true);
    const decoded = t.decode(text, units, spans);
    for (const s of decoded.spans) expect(decoded.cost(s)).toBeCloseTo(0, 3);
    const names = recognize(text).spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
    expect(names).toEqual(expect.arrayContaining(['Person:李鹏', 'Place:北京', 'Place:美国']));
  });

  it('encodes and decodes the binary format without loss beyond quantization', () => {
    const t = defaultTagger()!;
    const back = Tagger.decode(t.encode());
    expect(back.features).toBe(t.features);
    expect(back.entTag.length).toBe(t.entTag.length);
    for (let i = 0; i < NT * NT; i++) expect(back.trans[i]).toBeCloseTo(t.trans[i]!, 4);
  });
});
