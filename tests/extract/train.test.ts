import { describe, expect, it } from 'vitest';
import { parseBio } from '../../server/src/extract/eval/bio.ts';
import { KeyTable, indexFeatures } from '../../server/src/extract/learn/perceptron.ts';
import { bagTrainingSets, exampleOf, trainTagger } from '../../server/src/extract/learn/train.ts';
import { Tagger } from '../../server/src/extract/learn/model.ts';
import { FEATURES } from '../../server/src/extract/learn/features.ts';
import { averageTaggers } from '../../server/src/extract/learn/average.ts';

/** A tiny corpus written for this test (no sentence of the shared corpora). */
function corpus(): string {
  const rows: Array<[string, string, string, string]> = [
    ['王建国', '郑州市', '河南省交通厅', '考察'],
    ['李明华', '洛阳市', '洛阳市人民政府', '调研'],
    ['张海峰', '开封市', '开封市教育局', '视察'],
    ['陈立华', '南阳市', '南阳市财政局', '走访'],
    ['刘晓东', '新乡市', '新乡市卫生健康委员会', '考察'],
  ];
  const lines: string[] = [];
  const put = (text: string, tag: string) => [...text].forEach((c, i) => lines.push(`${c} ${tag === 'O' ? 'O' : `${i ? 'I' : 'B'}-${tag}`}`));
  for (const [per, loc, org, verb] of rows) {
    put(per, 'PER');
    put(`今天到`, 'O');
    put(loc, 'LOC');
    put(verb, 'O');
    put('，', 'O');
    put(org, 'ORG');
    put('负责人陪同。', 'O');
    lines.push('');
  }
  return lines.join('\n');
}

describe('tagger training', () => {
  const sentences = parseBio(corpus());
  const examples = sentences.map(exampleOf);

  it('gives the same weights file from the same inputs and seed', () => {
    const train = () => trainTagger(bagTrainingSets(examples, sentences, { copies: 1, replace: 0.7, external: 0, seed: 5 }), { epochs: 3, seed: 11, minCount: 1, prune: 0, bags: 2 }).tagger.encode();
    const a = train();
    const b = train();
    expect(a.equals(b)).toBe(true);
    // A different seed shuffles differently; the file is still a model that loads.
    const other = trainTagger(examples, { epochs: 3, seed: 12, minCount: 1, prune: 0 }).tagger;
    expect(Tagger.decode(other.encode()).features).toBe(other.features);
  });

  it('averages two models into one whose scores are the mean of theirs', () => {
    const a = trainTagger(examples, { epochs: 3, seed: 11, minCount: 1, prune: 0 }).tagger;
    const b = trainTagger(examples.slice(1), { epochs: 4, seed: 12, minCount: 1, prune: 0 }).tagger;
    const mean = Tagger.decode(averageTaggers([a, b]).encode());
    // Features of either model, once each; rows one model lacks count as zeros there.
    expect(mean.features).toBe(new Set([...a.keys, ...b.keys]).size);
    for (const ex of examples) {
      const [ea, eb, em] = [a, b, mean].map((t) => t.emissions(ex.feats, ex.n));
      // int16 quantization: each model's sum is exact up to half a step a feature.
      const tolerance = FEATURES * (a.kernel.scale + b.kernel.scale + mean.kernel.scale);
      for (let i = 0; i < ex.n * 13; i++) expect(Math.abs(em![i]! - (ea![i]! + eb![i]!) / 2)).toBeLessThan(tolerance);
    }
    for (let k = 0; k < 169; k++) expect(mean.trans[k]).toBeCloseTo((a.trans[k]! + b.trans[k]!) / 2, 4);
  });

  it('learns the tiny corpus it was trained on', () => {
    const { tagger } = trainTagger(examples, { epochs: 10, seed: 1, minCount: 1, prune: 0 });
    const ex = examples[0]!;
    const emit = tagger.emissions(ex.feats, ex.n);
    let agree = 0;
    for (let i = 0; i < ex.n; i++) {
      let best = 0;
      for (let t = 1; t < 13; t++) if (emit[i * 13 + t]! > emit[i * 13 + best]!) best = t;
      if (best === ex.gold[i]) agree++;
    }
    expect(agree / ex.n).toBeGreaterThan(0.9);
  });

  it('indexes only features seen often enough, in order of first occurrence, and never 0 (no feature)', () => {
    const { rows, keys } = indexFeatures(examples, 5);
    const counts = new Map<number, number>();
    for (const ex of examples) for (const k of ex.feats.subarray(0, ex.n * FEATURES)) counts.set(k, (counts.get(k) ?? 0) + 1);
    // The corpus has sentences outside sports reports, whose topic templates are 0.
    expect(counts.get(0)).toBeGreaterThanOrEqual(5);
    expect(rows.get(0)).toBe(-1);
    expect(keys.length).toBe([...counts].filter(([k, c]) => k !== 0 && c >= 5).length);
    keys.forEach((k, r) => expect(rows.get(k)).toBe(r));
    const rare = [...counts].find(([, c]) => c < 5)![0];
    expect(rows.get(rare)).toBe(-1);
  });

  it('keeps every key of a table that grows', () => {
    const t = new KeyTable(2);
    for (let i = 0; i < 1000; i++) t.add(Math.imul(i, 0x9e3779b1), i);
    for (let i = 0; i < 1000; i++) expect(t.get(Math.imul(i, 0x9e3779b1))).toBe(i);
    expect(t.size).toBe(1000);
    expect(t.get(12345)).toBe(-1);
  });
});
