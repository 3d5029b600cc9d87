import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleInput } from '@guanxi/shared';
import { repairParagraphs } from '../../server/src/ingest/page.ts';
import { ROOT, readAll, scratchDir } from './helpers.ts';

// The bundled sample page. It is copied to a neutral name so that its year can only come from
// the text ("2020年"), not from the file name "gaoxin-2020-05".
const SAMPLE = path.join(ROOT, 'samples/gaoxin-2020-05.txt');

describe('newspaper page (the bundled sample)', () => {
  let articles: ArticleInput[];
  let page: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'guanxi-page-'));
    page = path.join(dir, 'page.txt');
    await copyFile(SAMPLE, page);
    const read = await readAll([page]);
    expect(read.problems).toEqual([]);
    articles = read.articles;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('splits into exactly five articles with the headings as titles', () => {
    expect(articles.map((a) => a.title)).toEqual([
      '高新区党工委理论学习中心组 深入学习总书记给圆方集团全体职工重要回信精神 弘扬劳动精神，续写不平凡的故事',
      '高新区结对帮扶求实效 怀着敬意结对子 带着感情做帮扶',
      '郑州上汽永恒能源科技有限公司 落户高新区 高新智慧运营集团与上汽集团、永恒集团结缘',
      '高新区召开节水行动 建设工作推进会 用水同城同网同质同服务',
      '区领导到梧桐办事处调研新型城镇化工作 构建共治共建共享新治理格局',
    ]);
  });

  it('keeps leads and bylines in the body', () => {
    expect(articles[0]!.body.startsWith('本报讯 近日，高新区召开2020年')).toBe(true);
    expect(articles[0]!.body.endsWith('\n记者 李颖 孙庆辉 文/图')).toBe(true);
    expect(articles[1]!.body.endsWith('记者 孙庆辉')).toBe(true);
    for (const a of articles) expect(a.authors).toEqual([]); // bylines are the extractor's business
  });

  it('repairs the page-break debris', () => {
    const first = articles[0]!.body;
    expect(first).toContain('进一步凝聚党心民心，进一步密切党群干群关系');
    const paragraphs = first.split('\n');
    expect(paragraphs.some((p) => p.startsWith('想。'))).toBe(false);
    expect(paragraphs).toContain('参会人员结合自身学习和工作情况进行了交流发言。');
    expect(articles[2]!.body).toContain('互相信任的结果，也是上汽集团');
    expect(articles[2]!.body).toContain('车享家出行服务');
    expect(articles[4]!.body).toContain('并对具体问题进行分析研判。结合梧桐办事处“首战之区”的定位');
    expect(articles[4]!.body).toContain('统筹发力，分类推进');
    for (const a of articles) expect(a.body).not.toMatch(/\n\n|^\s|\s$/);
  });

  it('resolves 5月7日-style dates with the year from the text', () => {
    expect(articles.map((a) => a.date)).toEqual([undefined, '2020-05-07', '2020-04-29', '2020-04-30', '2020-05-04']);
    expect(articles.slice(1).every((a) => a.dateSource === 'text')).toBe(true);
  });

  it('names the page as the source, points origins at the heading lines, guesses zh', () => {
    for (const a of articles) {
      expect(a.source).toBe('page');
      expect(a.lang).toBe('zh');
      expect(a.origin.file).toBe(page);
    }
    expect(articles.map((a) => a.origin.line)).toEqual([3, 21, 29, 41, 49]);
  });

  it('gives stable, distinct ids', async () => {
    const again = await readAll([page]);
    expect(again.articles.map((a) => a.id)).toEqual(articles.map((a) => a.id));
    expect(new Set(articles.map((a) => a.id)).size).toBe(5);
    for (const a of articles) expect(a.id).toMatch(/^art-[0-9a-f]{16}$/);
  });

  it('takes the year from the file name when the text has none', async () => {
    const dir = await scratchDir('guanxi-page-');
    const file = path.join(dir, 'daily-2019-12.txt');
    await writeFile(file, '# 甲\n\n本报讯 12月3日，某某会议召开。\n\n# 乙\n\n本报讯 1月2日，另一会议召开。\n');
    const { articles: two } = await readAll([file]);
    expect(two.map((a) => [a.date, a.dateSource])).toEqual([['2019-12-03', 'text'], ['2019-01-02', 'text']]);
  });

  it('holds back an article until a later one on the page tells the year', async () => {
    const dir = await scratchDir('guanxi-page-');
    const file = path.join(dir, 'page.txt');
    await writeFile(file, '# 甲\n\n本报讯 5月3日，某会召开。\n\n## 乙\n\n本报讯 2021年5月4日，另一会召开。\n');
    const { articles: two } = await readAll([file]);
    expect(two.map((a) => a.date)).toEqual(['2021-05-03', '2021-05-04']);
  });
});

describe('repairParagraphs', () => {
  it('joins a paragraph cut mid-sentence and drops a repeated fragment', () => {
    expect(repairParagraphs(['各基层党支部要组织广大党员集中学习研讨，进一步凝聚党', '', '', '心民心，深入学习思想。', '想。'])).toEqual([
      '各基层党支部要组织广大党员集中学习研讨，进一步凝聚党心民心，深入学习思想。',
    ]);
    expect(repairParagraphs(['学习了习近平新时代中国特色社会主义思想。', '想。参会人员进行了交流。'])).toEqual([
      '学习了习近平新时代中国特色社会主义思想。',
      '参会人员进行了交流。',
    ]);
  });

  it('leaves short headings, bylines and finished paragraphs alone', () => {
    expect(repairParagraphs(['一、加强领导', '各单位要高度重视。', '记者 孙庆辉 文/图', '本报讯 近日召开会议。'])).toEqual([
      '一、加强领导', '各单位要高度重视。', '记者 孙庆辉 文/图', '本报讯 近日召开会议。',
    ]);
  });

  it('puts the space back between hard-wrapped English lines', () => {
    expect(repairParagraphs(['The council met on Monday to discuss the new', 'budget for the coming year.', 'It passed.'])).toEqual([
      'The council met on Monday to discuss the new budget for the coming year.', 'It passed.',
    ]);
  });
});
