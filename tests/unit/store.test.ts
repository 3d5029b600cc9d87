import { describe, expect, it } from 'vitest';
import type { ArticleInput, Extraction } from '@guanxi/shared';
import { toWriteParams } from '../../server/src/graph/store.ts';
import { edgeId, luceneEscape, parseEdgeId } from '../../server/src/graph/explore.ts';
import { articleHash } from '../../server/src/importer/run.ts';
import { extractionFromGiven } from '../../server/src/importer/given.ts';

const body = '高新区党工委书记王新亭主持会议。王新亭强调，要抓好节水行动。';
const article: ArticleInput = {
  id: 'a1', title: '会议', body, authors: ['李颖'], date: '2020-05-07', origin: { file: 'x.txt' },
};
const extraction: Extraction = {
  authors: ['孙庆辉'],
  sentences: [{ start: 0, end: 16 }, { start: 16, end: body.length }],
  entities: [
    { type: 'Person', name: '王新亭', aliases: [], mentions: [{ start: 8, end: 11, sentence: 0 }, { start: 16, end: 19, sentence: 1 }] },
    { type: 'Organization', name: '高新区党工委', aliases: ['党工委'], mentions: [{ start: 0, end: 6, sentence: 0 }] },
  ],
  relations: [
    { type: 'HOLDS_POSITION', from: '王新亭', fromType: 'Person', to: '高新区党工委', toType: 'Organization', title: '书记', evidence: '高新区党工委书记王新亭主持会议。' },
  ],
};

describe('toWriteParams', () => {
  const params = toWriteParams([{ article, extraction, hash: 'h' }]);
  const entity = (at: number) => params.entities[at]!.id;

  it('keeps each mention\'s offsets, surface forms and sentences', () => {
    const wang = params.mentions.find((m) => entity(m.entity) === 'Person:王新亭')!;
    expect(wang).toMatchObject({ article: 0, count: 2, offsets: [8, 11, 16, 19], names: ['王新亭'] });
    expect(wang.sentences.map((i) => params.sentences[i])).toEqual(['高新区党工委书记王新亭主持会议。', '王新亭强调，要抓好节水行动。']);
  });

  it('sends each sentence once, however many mentions and relations cite it', () => {
    expect(params.sentences).toEqual(['高新区党工委书记王新亭主持会议。', '王新亭强调，要抓好节水行动。']);
    const party = params.mentions.find((m) => entity(m.entity) === 'Organization:高新区党工委')!;
    expect(party.sentences).toEqual([0]);
    expect(params.relations[0]!.evidence).toBe(0);
  });

  it('makes byline and metadata authors Person nodes linked by WROTE, once each', () => {
    expect(params.authors.map((a) => entity(a.person)).sort()).toEqual(['Person:孙庆辉', 'Person:李颖']);
    expect(params.entities.filter((e) => e.type === 'Person').map((e) => e.name).sort()).toEqual(['孙庆辉', '李颖', '王新亭']);
  });

  it('dates positions by the article and keeps their evidence', () => {
    const [position] = params.relations;
    expect(params.relations).toHaveLength(1);
    expect(position).toMatchObject({ type: 'HOLDS_POSITION', article: 0, title: '书记', asOf: '2020-05-07' });
    expect([entity(position!.from), entity(position!.to)]).toEqual(['Person:王新亭', 'Organization:高新区党工委']);
    expect(params.sentences[params.relations[0]!.evidence!]).toBe('高新区党工委书记王新亭主持会议。');
  });
});

describe('toWriteParams with events and gazetteer relations', () => {
  const withMore: Extraction = {
    ...extraction,
    relations: [
      { type: 'MET', from: '王新亭', fromType: 'Person', to: '李兴东', toType: 'Person', evidence: '王新亭会见李兴东。', confidence: 0.9, trigger: '会见', date: '2020-05-06' },
      { type: 'PART_OF', from: '徐家湾乡', fromType: 'Place', to: '卢氏县', toType: 'Place', evidence: '', source: 'gazetteer' },
    ],
  };
  const params = toWriteParams([{ article, extraction: withMore, hash: 'h' }]);

  it('sends an event with its date, confidence, trigger and sentence', () => {
    const [met] = params.relations;
    expect(met).toMatchObject({ type: 'MET', date: '2020-05-06', confidence: 0.9, trigger: '会见', asOf: null, source: null });
    expect(params.sentences[met!.evidence!]).toBe('王新亭会见李兴东。');
  });

  it('cites no sentence for what the gazetteer implies, and says so', () => {
    const part = params.relations[1]!;
    expect(part).toMatchObject({ type: 'PART_OF', source: 'gazetteer', evidence: null, date: null });
    expect(params.sentences).not.toContain('');
  });
});

describe('toWriteParams with an article given twice', () => {
  it('writes it once, as last given', () => {
    const changed = { ...article, title: '会议（更新）' };
    const params = toWriteParams([{ article, extraction, hash: 'h1' }, { article: changed, extraction, hash: 'h2' }]);
    expect(params.articles.map((a) => [a.id, a.title, a.hash])).toEqual([['a1', '会议（更新）', 'h2']]);
    expect(params.mentions.every((m) => m.article === 0)).toBe(true);
    expect(params.mentions).toHaveLength(2);
  });
});

describe('edge ids and search text', () => {
  it('round-trips edge ids and refuses types outside the fixed list', () => {
    const id = edgeId('a|b', 'MENTIONS', 'Person:王新亭');
    expect(parseEdgeId(id)).toEqual({ source: 'a|b', type: 'MENTIONS', target: 'Person:王新亭' });
    expect(parseEdgeId(JSON.stringify(['a', 'DROP', 'b']))).toBeNull();
    expect(parseEdgeId('not json')).toBeNull();
  });

  it('escapes Lucene syntax so user text is searched as text', () => {
    expect(luceneEscape('a+b (c) "d"')).toBe('a\\+b \\(c\\) \\"d\\"');
  });
});

describe('article hash', () => {
  it('ignores where the article was read from but not what it says', () => {
    const moved = { ...article, origin: { file: 'elsewhere.txt', line: 9 } };
    expect(articleHash(moved)).toBe(articleHash(article));
    expect(articleHash({ ...article, body: `${body}。` })).not.toBe(articleHash(article));
    expect(articleHash(article, 'lexicon')).not.toBe(articleHash(article));
  });
});

describe('entities given with the input', () => {
  it('are used as given, with mentions wherever name or alias occurs', () => {
    const given = extractionFromGiven(article, [{ type: 'Project', name: '节水行动', aliases: [] }, { type: 'Person', name: '王新亭', aliases: ['王书记'] }]);
    expect(given.entities.map((e) => [e.name, e.mentions.length])).toEqual([['节水行动', 1], ['王新亭', 2]]);
  });
});
