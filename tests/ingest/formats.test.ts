import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArticleInput, InputProblem } from '@guanxi/shared';
import { readSource, streamSource, type InputItem } from '../../server/src/ingest/index.ts';
import { fixture, readAll, scratchDir } from './helpers.ts';

async function collect(items: AsyncIterable<InputItem>): Promise<{ articles: ArticleInput[]; problems: InputProblem[] }> {
  const articles: ArticleInput[] = [];
  const problems: InputProblem[] = [];
  for await (const item of items) (item.kind === 'article' ? articles.push(item.article) : problems.push(item.problem));
  return { articles, problems };
}

describe('encodings', () => {
  it('detects and decodes a GBK text file', async () => {
    const { articles, problems } = await readAll([fixture('gbk-article.txt')]);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a!.title).toBe('郑州高新区召开科技创新大会');
    expect(a!.body).toBe('本报讯 2021年3月15日，郑州高新区召开科技创新大会，区党工委书记张红军出席会议并讲话。\n'
      + '会议指出，要坚持创新驱动发展战略，加快建设国家自主创新示范区，推动高质量发展。\n记者 孙庆辉');
    expect([a!.date, a!.dateSource, a!.lang]).toEqual(['2021-03-15', 'text', 'zh']);
  });

  it('decodes UTF-16 with a BOM, taking a month-day date\'s year from the article', async () => {
    const { articles } = await readAll([fixture('utf16-article.txt')]);
    expect(articles.map((a) => [a.title, a.date])).toEqual([['黄河流域生态保护座谈会在郑州举行', '2019-09-18']]);
    expect(articles[0]!.body.startsWith('\ufeff')).toBe(false);
  });

  it('lets the encoding option override detection', async () => {
    const { articles } = await readAll([fixture('gbk-article.txt')], { encoding: 'latin1' });
    expect(articles[0]!.title).not.toContain('郑州');
  });

  it('strips a UTF-8 BOM and decodes a GBK stream whose characters straddle chunk boundaries', async () => {
    const iconv = (await import('iconv-lite')).default;
    const text = '标题行\n' + '本报讯 这是一段很长的正文，用来检验分块解码。'.repeat(5000) + '\n';
    const bytes = iconv.encode(text, 'gbk');
    // Odd-sized chunks cut two-byte characters in half.
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 4093) chunks.push(bytes.subarray(i, i + 4093));
    const { articles } = await collect(readSource(streamSource(Readable.from(chunks), 'gbk-stream.txt')));
    expect(articles[0]!.body).toBe(text.split('\n')[1]);
    const bom = await collect(readSource(streamSource(Readable.from([Buffer.from('\ufeff标题\n正文内容。\n')]))));
    expect(bom.articles[0]!.title).toBe('标题');
  });
});

describe('feeds', () => {
  it('reads RSS 2.0 with HTML descriptions as text', async () => {
    const { articles, problems } = await readAll([fixture('feed.rss')]);
    expect(articles.map((a) => a.title)).toEqual(['Zhengzhou opens new metro line', 'Yellow River forum held']);
    const [metro, forum] = articles;
    expect(metro!.body).toBe('Zhengzhou opened Line 6 on Thursday.\nThe line links the high-tech zone & the airport.');
    expect(metro!).toMatchObject({
      date: '2020-05-07', dateSource: 'metadata', url: 'https://example.com/news/metro-line-6',
      source: 'Henan Daily English', authors: ['Li Ying'], lang: 'en', origin: { record: 1 },
    });
    expect(forum!.body).toBe('A forum on the Yellow River basin was held in Zhengzhou.\nExperts discussed ecological protection.');
    expect(problems).toEqual([{ origin: { file: fixture('feed.rss'), record: 3 }, reason: expect.stringContaining('missing body') }]);
  });

  it('reads Atom with html and text content, alternate links and authors', async () => {
    const { articles, problems } = await readAll([fixture('feed.atom')]);
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.title, a.date, a.url, a.authors])).toEqual([
      ['高新区召开节水行动推进会', '2020-04-30', 'https://example.cn/news/2020/0430/water.html', ['孙庆辉']],
      ['梧桐办事处调研新型城镇化工作', '2020-05-04', 'https://example.cn/news/2020/0504/wutong.html', ['高新区融媒体中心']],
    ]);
    expect(articles[0]!.body).toBe('本报讯 4月30日，高新区召开节水行动建设工作推进会。\n会议要求各方压实责任。');
    expect(articles.every((a) => a.source === '高新区新闻' && a.lang === 'zh')).toBe(true);
  });

  it('sniffs a feed without a telling extension, and reports broken XML', async () => {
    const rss = '<rss version="2.0"><channel><title>T</title><item><title>A</title><description>Some text.</description></item></channel></rss>';
    const sniffed = await collect(readSource(streamSource(Readable.from([Buffer.from(rss)]))));
    expect(sniffed.articles.map((a) => a.title)).toEqual(['A']);
    const broken = await collect(readSource(streamSource(Readable.from([Buffer.from('<rss><channel><item></channel></rss>')]), 'broken.xml')));
    expect(broken.articles).toEqual([]);
    expect(broken.problems[0]!.reason).toMatch(/^XML: /);
  });
});

describe('CSV', () => {
  it('maps Chinese headers and keeps a quoted multi-line body', async () => {
    const { articles, problems } = await readAll([fixture('articles.csv')]);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      title: '高新区结对帮扶求实效',
      body: '本报讯 5月7日，高新区党工委书记王新亭会见来郑结对帮扶的卢氏县委副书记李兴东一行。\n王新亭指出，产业发展是根本，要利用好"产业帮扶基金"撬动当地产业发展。',
      date: '2020-05-07', url: 'https://example.cn/news/0507.html', source: '高新区报', authors: ['孙庆辉'],
      origin: { line: 2, record: 1 },
    });
    expect(articles[1]).toMatchObject({ date: '2020-04-29', authors: ['孙庆辉', '李颖'], origin: { line: 5, record: 2 } });
    expect(problems).toEqual([{ origin: { file: fixture('articles.csv'), line: 6, record: 3 }, reason: 'missing body' }]);
  });

  it('takes columns from the options, and says so when it cannot find a body', async () => {
    const unmapped = await readAll([fixture('mapped.csv')]);
    expect(unmapped.articles).toEqual([]);
    expect(unmapped.problems[0]!.reason).toMatch(/no body column.*csvColumns/);
    const { articles } = await readAll([fixture('mapped.csv')], { csvColumns: { title: 'headline_text', body: 'story', date: 'when' } });
    expect(articles.map((a) => [a.title, a.body, a.date])).toEqual([
      ['Bridge reopens', 'The old bridge over the river reopened on Monday after repairs.', '2021-06-07'],
    ]);
  });

  it('reports a malformed row and goes on', async () => {
    const csv = 'title,body\nOne,First body.\nTwo,"unclosed "quote" here\nThree,Third body.\n';
    const { articles, problems } = await collect(readSource(streamSource(Readable.from([Buffer.from(csv)]), 'x.csv')));
    expect(articles.map((a) => a.title)).toContain('One');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.reason).toMatch(/^CSV: /);
  });
});

describe('JSON and JSONL', () => {
  it('reads a JSON array element by element, with given entities validated', async () => {
    const { articles, problems } = await readAll([fixture('articles.json')]);
    expect(articles.map((a) => a.title)).toEqual(['Zhengzhou high-tech zone signs energy deal', '节水行动推进会召开']);
    const [deal, water] = articles;
    expect(deal).toMatchObject({
      body: 'SAIC and Yongheng set up a charging company in the Zhengzhou high-tech zone.\nThe deal was signed on April 29.',
      date: '2020-04-29', source: 'Zhengzhou Daily', authors: ['Sun Qinghui', 'Li Ying'], lang: 'en',
      entities: [
        { type: 'Organization', name: 'SAIC Motor', aliases: ['上汽集团'] },
        { type: 'Place', name: 'Zhengzhou', aliases: [] },
      ],
      origin: { record: 1, line: 2 },
    });
    expect(water).toMatchObject({ date: '2020-04-30', authors: ['孙庆辉'], lang: 'zh', origin: { record: 5 } });
    expect(problems.map((p) => [p.origin.record, p.reason])).toEqual([
      [2, 'missing body'],
      [3, expect.stringMatching(/^entities\[0\]\.type: /)],
      [4, 'expected an object, got string'],
    ]);
  });

  it('yields every good JSONL line and one problem per bad line, naming file and line', async () => {
    const { articles, problems } = await readAll([fixture('articles.jsonl')]);
    expect(articles.map((a) => [a.title, a.origin.line])).toEqual([['First', 1], ['Second', 3], ['Third', 5]]);
    expect(problems).toEqual([
      { origin: { file: fixture('articles.jsonl'), line: 4 }, reason: expect.stringMatching(/^JSON: .* at column 53$/) },
      { origin: { file: fixture('articles.jsonl'), line: 6 }, reason: 'expected an object, got an array' },
    ]);
  });

  it('recovers from a bad element inside an array, and reports an unclosed array', async () => {
    const json = '[{"title":"A","body":"Body A."},\n {"title": "B", "body": },\n {"title":"C","body":"Body C. ] } [ \\" tricky"}\n';
    const { articles, problems } = await collect(readSource(streamSource(Readable.from([Buffer.from(json)]), 'x.json')));
    expect(articles.map((a) => [a.title, a.body])).toEqual([['A', 'Body A.'], ['C', 'Body C. ] } [ " tricky']]);
    expect(problems.map((p) => [p.origin.record, p.origin.line])).toEqual([[2, 2], [undefined, undefined]]);
    expect(problems[0]!.reason).toMatch(/^JSON: /);
    expect(problems[1]!.reason).toMatch(/not closed/);
  });

  it('reads a wrapped {"articles": [...]} document and objects one after another', async () => {
    const wrapped = JSON.stringify({ articles: [{ title: 'W1', body: 'One.' }, { title: 'W2', body: 'Two.' }] });
    const a = await collect(readSource(streamSource(Readable.from([Buffer.from(wrapped)]), 'w.json')));
    expect(a.articles.map((x) => [x.title, x.origin.record])).toEqual([['W1', 1], ['W2', 2]]);
    const stdin = '{"title":"S1","body":"One."}\n{"title":"S2","body":"Two."}\n';
    const b = await collect(readSource(streamSource(Readable.from([Buffer.from(stdin)]))));
    expect(b.articles.map((x) => x.title)).toEqual(['S1', 'S2']);
  });
});

describe('HTML pages', () => {
  it('takes the main text by Readability and the metadata from meta tags', async () => {
    const { articles, problems } = await readAll([fixture('page.html')]);
    expect(problems).toEqual([]);
    const [a] = articles;
    expect(a).toMatchObject({
      title: '高新区召开科技创新大会', date: '2021-03-15', dateSource: 'metadata', source: '郑州日报',
      url: 'https://example.cn/news/2021/0315/innovation.html', authors: ['孙庆辉'], lang: 'zh',
    });
    expect(a!.body).toContain('本报讯 3月15日，郑州高新区召开科技创新大会');
    expect(a!.body).toContain('\n记者 孙庆辉');
    for (const chrome of ['热门新闻', '版权所有', '首页', 'analytics', 'font-family']) expect(a!.body).not.toContain(chrome);
  });
});

describe('paths', () => {
  it('walks a directory recursively in sorted order, skipping hidden and unknown files', async () => {
    const { articles, problems } = await readAll([fixture('dir')]);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(['First article in the directory', '第二篇：节水行动', 'Nested']);
    expect(articles[0]).toMatchObject({ date: '2020-05-07', dateSource: 'text', lang: 'en' });
    expect(articles[1]).toMatchObject({ subtitle: '用水同城同网同质同服务', body: '本报讯 2020年4月30日，高新区召开节水行动建设工作推进会，详见通知。' });
  });

  it('reads .gz files and globs, and reads a file named twice once', async () => {
    const { articles } = await readAll([fixture('compressed.jsonl.gz')]);
    expect(articles.map((a) => a.title)).toEqual(['Compressed one', 'Compressed two']);
    const globbed = await readAll([fixture('dir/**/*.{md,jsonl}'), fixture('dir')]);
    expect(globbed.articles.map((a) => a.title)).toEqual(['第二篇：节水行动', 'Nested', 'First article in the directory']);
  });

  it('turns unreadable paths into one problem each, and goes on', async () => {
    const { articles, problems } = await readAll([fixture('missing.txt'), fixture('nothing-*.json'), fixture('articles.jsonl')]);
    expect(problems.slice(0, 2)).toEqual([
      { origin: { file: fixture('missing.txt') }, reason: 'no such file or directory' },
      { origin: { file: fixture('nothing-*.json') }, reason: 'no file matches this pattern' },
    ]);
    expect(articles).toHaveLength(3);
  });

  it('reads gzipped stdin', async () => {
    const gz = gzipSync(Buffer.from('{"title":"Piped","body":"Through a pipe."}\n'));
    const { articles } = await collect(readSource(streamSource(Readable.from([gz]))));
    expect(articles.map((a) => a.title)).toEqual(['Piped']);
  });

  it('reports a corrupt .gz as a problem', async () => {
    const { writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const dir = await scratchDir('guanxi-gz-');
    const file = path.join(dir, 'bad.jsonl.gz');
    await writeFile(file, Buffer.from('this is not gzip'));
    const { articles, problems } = await readAll([file]);
    expect(articles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.origin.file).toBe(file);
  });
});
