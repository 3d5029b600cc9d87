import { describe, expect, it } from 'vitest';
import { coMentionPairs, withEvidenceTable } from '../../server/src/graph/co-mentions.ts';

const articles = [
  { id: 'b', date: '2024-03-01' },
  { id: 'a', date: '2024-01-01' },
  { id: 'c', date: null },
];
const entities = ['p:张三', 'o:县政府', 'p:李四'];

describe('coMentionPairs', () => {
  it('counts articles and shared sentences per pair, smaller id first, evidence in date order', () => {
    const pairs = coMentionPairs(
      articles,
      entities,
      [
        { article: 0, entity: 0, sentences: [3, 4] },
        { article: 0, entity: 1, sentences: [4] },
        { article: 1, entity: 0, sentences: [1] },
        { article: 1, entity: 1, sentences: [1, 2] },
        { article: 1, entity: 2, sentences: [2] },
        { article: 2, entity: 1, sentences: [5] },
        { article: 2, entity: 0, sentences: [6] },
      ],
      5,
    );
    const byKey = new Map(pairs.map((p) => [`${p.x}|${p.y}`, p]));
    expect([...byKey.keys()].sort()).toEqual(['o:县政府|p:张三', 'o:县政府|p:李四']);
    // Undated articles sort first, as Cypher's sortDate '' does.
    expect(byKey.get('o:县政府|p:张三')).toEqual({
      x: 'o:县政府',
      y: 'p:张三',
      weight: 2,
      articles: 2,
      firstDate: '2024-01-01',
      lastDate: '2024-03-01',
      evidence: [1, 4],
      evidenceArticles: ['a', 'b'],
    });
    expect(byKey.get('o:县政府|p:李四')).toMatchObject({ weight: 1, articles: 1, evidence: [2], evidenceArticles: ['a'] });
    // 张三 and 李四 share article a but no sentence, as do 县政府 and 张三 in c: neither counts.
  });

  it('caps the evidence and counts an entity listed twice in an article once', () => {
    const pairs = coMentionPairs(
      [{ id: 'a', date: null }],
      ['x', 'y', 'x'],
      [
        { article: 0, entity: 0, sentences: [0, 1] },
        { article: 0, entity: 2, sentences: [1, 2] },
        { article: 0, entity: 1, sentences: [0, 1, 2] },
      ],
      2,
    );
    expect(pairs).toEqual([{ x: 'x', y: 'y', weight: 3, articles: 1, firstDate: null, lastDate: null, evidence: [0, 1], evidenceArticles: ['a', 'a'] }]);
  });

  it('sends only the cited sentences', () => {
    const pairs = coMentionPairs([{ id: 'a', date: null }], ['x', 'y'], [{ article: 0, entity: 0, sentences: [7] }, { article: 0, entity: 1, sentences: [7] }], 5);
    const table = withEvidenceTable(pairs, ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    expect(table.sentences).toEqual(['s7']);
    expect(table.pairs[0]!.evidence).toEqual([0]);
  });
});
