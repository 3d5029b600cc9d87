/**
 * The `guanxi` command line end to end, as a user on their own Neo4j runs it: the real CLI
 * (`node server/bin/guanxi.js …`) in a child process, with NEO4J_URI/USER/PASSWORD/DATABASE
 * pointing at the test run's database (tests/setup/neo4j.ts). What is checked is what a user or
 * a script sees — exit codes, stdout, stderr — and what lands in Neo4j.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../server/src/graph/db.ts';
import { counts, emptyDatabase, testGraph } from './graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'server/bin/guanxi.js');
const FORMATS = path.join(ROOT, 'tests/fixtures/cli/formats');
const ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Project'];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a user on their own server gives the CLI; nothing else of ours leaks in. */
function cliEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { uri, user, password, database } = inject('neo4j');
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  delete env.NEO4J_DATABASE;
  if (database) env.NEO4J_DATABASE = database;
  return { ...env, ...overrides };
}

function start(args: string[], env = cliEnv()): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess, timeoutMs = 110_000): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`guanxi did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const guanxi = (args: string[], env?: NodeJS.ProcessEnv) => finished(start(args, env));

/** The one JSON summary `import --json` prints on stdout. */
interface Summary {
  read: number;
  written: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  entities: number;
  relations: number;
  dryRun: boolean;
  problems: { where: string; reason: string }[];
}

function summaryOf(run: Run): Summary {
  const lines = run.stdout.trim().split('\n');
  expect(lines, `stdout should be one JSON line; stderr was:\n${run.stderr}`).toHaveLength(1);
  return JSON.parse(lines[0]!) as Summary;
}

/** Counts of the whole graph by label and by relationship type, for exact comparisons. */
async function census(graph: Graph) {
  const labels = await graph.read<{ label: string; n: number }>(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
  );
  const types = await graph.read<{ type: string; n: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type',
  );
  return {
    ...(await counts(graph)),
    labels: Object.fromEntries(labels.map((r) => [r.label, r.n])),
    types: Object.fromEntries(types.map((r) => [r.type, r.n])),
  };
}

async function articleCount(graph: Graph): Promise<number> {
  const [row] = await graph.read<{ n: number }>('MATCH (a:Article) RETURN count(a) AS n');
  return row!.n;
}

/** The file (base name) of each article that mentions an entity of this name. */
async function filesMentioning(graph: Graph, name: string): Promise<string[]> {
  const rows = await graph.read<{ file: string }>(
    'MATCH (a:Article)-[:MENTIONS]->(:Entity {name: $name}) RETURN DISTINCT a.file AS file ORDER BY file',
    { name },
  );
  return rows.map((r) => path.basename(r.file));
}

/** A newspaper page in GBK, as scanned archives deliver it: a masthead, then two stories. */
const GBK_PAGE = [
  '平顶山日报 2021年6月11日 第2版',
  '',
  '# 平顶山市召开安全生产会议',
  '',
  '本报讯 6月11日，平顶山市召开安全生产会议，平顶山市应急管理局局长周建国主持会议。',
  '会议要求各单位落实安全生产责任。',
  '',
  '## 平顶山市推进城市更新',
  '',
  '本报讯 6月12日，平顶山市住房和城乡建设局局长黄立新调研老旧小区改造工作。',
  '',
].join('\r\n');

const GZ_RECORDS = [
  { title: '焦作市推进旅游发展', body: '本报讯 6月13日，焦作市文化广电和旅游局局长杨光明调研景区建设。', date: '2021-06-13', url: 'https://cli.example.cn/gz/1.html', source: '焦作日报' },
];

/** Every good record of the folder, by title; the JSONL's third line is malformed and is not one. */
const GOOD_TITLES = [
  '平顶山市召开安全生产会议', '平顶山市推进城市更新', // page-gbk.txt (GBK page text; its masthead is no article)
  '洛阳市召开防汛工作会议', // feed.atom
  '新乡市推进黄河滩区居民迁建', // feed.rss
  '开封市召开文旅工作会议', '许昌市推进营商环境建设', // articles.csv (Chinese headers)
  '南阳市召开教育工作会议', '信阳市推进茶产业发展', // articles.json
  '郑州市水利局召开会议', '周口市推进粮食生产', '商丘市召开交通工作会议', // news.jsonl (line 3 is bad)
  '安阳市召开文物保护工作会议', // page.html
  '焦作市推进旅游发展', // archive.jsonl.gz
].sort();

/** A name per format that the extractor finds, and the file whose article must mention it. */
const MENTIONED = {
  周建国: 'page-gbk.txt',
  李明华: 'feed.atom',
  陈国栋: 'feed.rss',
  王志强: 'articles.csv',
  吴海涛: 'articles.json',
  张三丰: 'news.jsonl',
  马建军: 'news.jsonl', // the good line after the bad one
  赵宏伟: 'page.html',
  杨光明: 'archive.jsonl.gz',
};

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = ['建国', '志强', '海涛', '立新', '振华', '德胜', '明华', '国栋', '宏伟', '光明',
  '红军', '新亭', '文博', '春生', '秀英', '丽娟', '永刚', '卫东', '晓峰', '玉兰'];
const CITIES = ['郑州市', '洛阳市', '开封市', '新乡市', '南阳市', '许昌市', '安阳市', '焦作市', '商丘市', '周口市'];
const BUREAUS = ['水利局', '教育局', '财政局', '民政局', '商务局', '公安局'];
const TOPICS = ['防汛调度', '安全生产', '项目推进', '招商引资', '民生工作'];

/** `n` small Chinese articles, each with its own url and a bureau chief and a vice mayor by name. */
function bulkJsonl(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const city = CITIES[i % CITIES.length]!;
    const bureau = BUREAUS[Math.floor(i / 10) % BUREAUS.length]!;
    const chief = SURNAMES[i % 20]! + GIVEN[Math.floor(i / 20) % 20]!;
    const deputy = SURNAMES[(i * 7 + 3) % 20]! + GIVEN[(i * 3 + 1) % 20]!;
    const topic = TOPICS[i % TOPICS.length]!;
    const day = (i % 28) + 1;
    lines.push(JSON.stringify({
      title: `${city}${bureau}召开${topic}会议（${i}）`,
      body: `本报讯 5月${day}日，${city}${bureau}局长${chief}主持召开${topic}会议，${city}人民政府副市长${deputy}出席会议并讲话。`,
      date: `2021-05-${String(day).padStart(2, '0')}`,
      url: `https://bulk.example.cn/news/${i}.html`,
      source: '批量日报',
    }));
  }
  return `${lines.join('\n')}\n`;
}

describe('the guanxi CLI against a real Neo4j', () => {
  let graph: Graph;
  let tmp: string;
  let folder: string;
  let firstImport: Summary;

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-cli-'));
    // One folder with every format: the text fixtures, plus the byte-level ones made here.
    folder = path.join(tmp, 'inbox');
    fs.mkdirSync(folder);
    for (const name of fs.readdirSync(FORMATS)) fs.copyFileSync(path.join(FORMATS, name), path.join(folder, name));
    fs.writeFileSync(path.join(folder, 'page-gbk.txt'), iconv.encode(GBK_PAGE, 'gbk'));
    fs.writeFileSync(path.join(folder, 'archive.jsonl.gz'), gzipSync(GZ_RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n'));
  });

  afterAll(async () => {
    if (graph) {
      await emptyDatabase(graph);
      await graph.driver.close();
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the GBK page really is GBK (not valid UTF-8), so the import has to detect it', () => {
    const bytes = fs.readFileSync(path.join(folder, 'page-gbk.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'gbk')).toBe(GBK_PAGE);
  });

  it('exits 2 on bad usage, with the reason on stderr', async () => {
    const jsonl = path.join(FORMATS, 'news.jsonl');
    const [noInputs, zeroBatch, unknownOption, deleteWithoutWhat] = await Promise.all([
      guanxi(['import']),
      guanxi(['import', '--batch-size', '0', jsonl]),
      guanxi(['import', '--no-such-flag', jsonl]),
      guanxi(['delete']),
    ]);
    expect(noInputs.code).toBe(2);
    expect(noInputs.stderr).toMatch(/missing required argument 'inputs'/);

    expect(zeroBatch.code).toBe(2);
    expect(zeroBatch.stderr).toMatch(/--batch-size must be an integer of at least 1; got 0/);
    expect(zeroBatch.stderr).not.toMatch(/\n\s+at /);

    expect(unknownOption.code).toBe(2);

    expect(deleteWithoutWhat.code).toBe(2);
    expect(deleteWithoutWhat.stderr.trim()).toBe('guanxi: delete needs --id or --source');

    // Nothing was written by any of them.
    expect((await counts(graph)).nodes).toBe(0);
  });

  it('exits 3 with one clear line naming the URI when Neo4j is unreachable', async () => {
    const uri = 'bolt://127.0.0.1:1';
    const run = await guanxi(['import', 'x.jsonl'], cliEnv({ NEO4J_URI: uri }));
    expect(run.code).toBe(3);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^guanxi: /);
    expect(lines[0]).toContain(uri);
    expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
    expect(lines[0]!.length).toBeLessThan(500);
    expect(run.stdout).toBe('');
  });

  it('extract (no database) prints the good articles as one JSON document, reports the bad line and exits 1', async () => {
    const jsonl = path.join(FORMATS, 'news.jsonl');
    const run = await guanxi(['extract', jsonl], cliEnv({ NEO4J_URI: 'bolt://127.0.0.1:1' }));
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      articles: { title: string; entities: { type: string; name: string }[] }[];
    };
    expect(Object.keys(doc)).toEqual(['articles']);
    expect(doc.articles.map((a) => a.title)).toEqual(['郑州市水利局召开会议', '周口市推进粮食生产', '商丘市召开交通工作会议']);
    const entities = doc.articles.flatMap((a) => a.entities);
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) expect(ENTITY_TYPES).toContain(entity.type);
    expect(doc.articles[0]!.entities).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'Person', name: '张三丰' }),
      expect.objectContaining({ type: 'Organization', name: '郑州市水利局' }),
    ]));
    expect(doc.articles[2]!.entities).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Person', name: '马建军' })]));
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${jsonl}:3:`);
    expect(errors[0]).toMatch(/JSON/);
  });

  it('--dry-run writes nothing, and its summary reports the articles read', async () => {
    const run = await guanxi(['import', folder, '--dry-run', '--json', '--workers', '0']);
    const summary = summaryOf(run);
    expect(summary.dryRun).toBe(true);
    expect.soft(summary.read).toBe(GOOD_TITLES.length);
    expect(summary.failed).toBe(1);
    expect(summary.entities).toBeGreaterThan(GOOD_TITLES.length);
    expect(run.code).toBe(1);
    expect(await counts(graph)).toEqual({ nodes: 0, relationships: 0, articles: 0, entities: 0 });
  });

  it('imports every format of one folder into Neo4j; one bad JSONL line is reported with file and line, exit 1', async () => {
    const run = await guanxi(['import', folder, '--json', '--workers', '1']);
    expect(run.code, run.stderr).toBe(1);

    // stderr: exactly one problem, naming the file and the line.
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${path.join(folder, 'news.jsonl')}:3:`);

    firstImport = summaryOf(run);
    expect(firstImport.dryRun).toBe(false);
    expect(firstImport).toMatchObject({ updated: 0, unchanged: 0, failed: 1 });
    expect(firstImport.problems).toEqual([{ where: `${path.join(folder, 'news.jsonl')}:3`, reason: expect.stringMatching(/^JSON: /) }]);

    // As many articles as good records, no more (a page's masthead is not an article).
    const titles = (await graph.read<{ title: string }>('MATCH (a:Article) RETURN a.title AS title')).map((r) => r.title).sort();
    expect.soft(titles).toEqual(GOOD_TITLES);
    expect.soft(await articleCount(graph)).toBe(GOOD_TITLES.length);
    expect.soft(firstImport.created).toBe(GOOD_TITLES.length);
    expect(firstImport.written).toBe(firstImport.created);
    expect(await articleCount(graph)).toBe(firstImport.created);

    // Each format's entities are in the graph, mentioned by that format's article.
    for (const [name, file] of Object.entries(MENTIONED)) {
      expect(await filesMentioning(graph, name), `who mentions ${name}`).toEqual([file]);
    }
    const [chief] = await graph.read<{ labels: string[] }>("MATCH (p:Entity {name: '张三丰'}) RETURN labels(p) AS labels");
    expect(chief!.labels.sort()).toEqual(['Entity', 'Person']);
    // The CSV's Chinese headers were mapped: date, url and source came from 日期, 链接, 来源.
    const [csv] = await graph.read<{ date: string; url: string; source: string }>(
      "MATCH (a:Article {title: '开封市召开文旅工作会议'}) RETURN a.date AS date, a.url AS url, a.source AS source",
    );
    expect(csv).toEqual({ date: '2021-06-03', url: 'https://cli.example.cn/csv/1.html', source: '开封日报' });
    // Nothing of the bad line got in.
    expect(await graph.read("MATCH (a:Article) WHERE a.title = '这一行是坏的' RETURN a")).toHaveLength(0);
  });

  it('importing the same folder again changes nothing: all unchanged, none new, same counts', async () => {
    expect(firstImport, 'needs the import above').toBeDefined();
    const before = await census(graph);
    const again = await guanxi(['import', folder, '--json', '--workers', '1']);
    expect(again.code).toBe(1); // the bad line is still bad
    const summary = summaryOf(again);
    expect(summary).toMatchObject({ read: firstImport.read, created: 0, updated: 0, unchanged: firstImport.created, failed: 1, written: 0 });
    expect(await census(graph)).toEqual(before);

    // Only good inputs: exit 0, and still nothing new.
    const clean = await guanxi(['import', path.join(folder, 'articles.csv'), path.join(folder, 'archive.jsonl.gz'), '--json', '--workers', '0']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(summaryOf(clean)).toMatchObject({ read: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await census(graph)).toEqual(before);
  });

  it('delete --source removes that source\'s articles and the entities only they supported', async () => {
    await emptyDatabase(graph);
    const a = path.join(tmp, 'source-a.jsonl');
    const b = path.join(tmp, 'source-b.jsonl');
    const record = (n: number, source: string, body: string) =>
      JSON.stringify({ title: `${source}第${n}条`, body, date: '2021-07-01', url: `https://cli.example.cn/${source}/${n}.html`, source });
    fs.writeFileSync(a, [
      record(1, '甲报', '本报讯 7月1日，郑州市水利局局长张三丰主持召开防汛会议，洛阳市教育局局长钱文博出席会议。'),
      record(2, '甲报', '本报讯 7月2日，开封市财政局局长孙立平调研预算执行工作。'),
    ].join('\n'));
    fs.writeFileSync(b, `${record(1, '乙报', '本报讯 7月3日，郑州市水利局局长张三丰检查防汛物资储备情况。')}\n`);

    // What B alone makes: the graph must look exactly like this once A's source is deleted.
    expect((await guanxi(['import', b, '--workers', '0'])).code).toBe(0);
    const onlyB = await census(graph);
    const onlyBEntities = await graph.read<{ id: string }>('MATCH (e:Entity) RETURN e.id AS id ORDER BY id');
    await emptyDatabase(graph);

    const imported = await guanxi(['import', a, b, '--json', '--workers', '0']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(summaryOf(imported)).toMatchObject({ created: 3, failed: 0 });
    const names = async () => (await graph.read<{ name: string }>('MATCH (e:Entity) RETURN e.name AS name')).map((r) => r.name);
    expect(await names()).toEqual(expect.arrayContaining(['张三丰', '郑州市水利局', '钱文博', '洛阳市教育局', '孙立平']));

    const deleted = await guanxi(['delete', '--source', '甲报', '--json']);
    expect(deleted.code, deleted.stderr).toBe(0);
    const result = JSON.parse(deleted.stdout) as { deleted: number; pruned: number };
    expect(result.deleted).toBe(2);
    expect(result.pruned).toBeGreaterThan(0);

    const left = await graph.read<{ source: string; title: string }>('MATCH (a:Article) RETURN a.source AS source, a.title AS title');
    expect(left).toEqual([{ source: '乙报', title: '乙报第1条' }]);
    const after = await names();
    expect(after).toEqual(expect.arrayContaining(['张三丰', '郑州市水利局'])); // shared with 乙报: kept
    for (const gone of ['钱文博', '洛阳市教育局', '孙立平', '洛阳市', '开封市']) expect(after).not.toContain(gone);
    // No relation stated by a deleted article survives, and the graph is what B alone makes.
    expect(await graph.read("MATCH ()-[r]->() WHERE r.articleId STARTS WITH 'url-' AND NOT EXISTS { MATCH (a:Article {id: r.articleId}) } RETURN r")).toHaveLength(0);
    expect(await census(graph)).toEqual(onlyB);
    expect(await graph.read<{ id: string }>('MATCH (e:Entity) RETURN e.id AS id ORDER BY id')).toEqual(onlyBEntities);

    // A source with no articles: nothing to do, exit 0.
    const none = await guanxi(['delete', '--source', '丙报', '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ deleted: 0, pruned: 0 });
  });

  it('an import killed half-way (SIGKILL) and run again ends exactly like one clean import', async () => {
    const N = 3000;
    const bulk = path.join(tmp, 'bulk.jsonl');
    fs.writeFileSync(bulk, bulkJsonl(N));
    const args = ['import', bulk, '--batch-size', '50', '--workers', '1', '--json'];
    await emptyDatabase(graph);

    // Start, and kill it once some but not all articles are in.
    const child = start(args);
    const exited = finished(child);
    let seen = 0;
    let killed = false;
    const deadline = Date.now() + 100_000;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      seen = await articleCount(graph);
      if (seen > 0 && seen < N) {
        child.kill('SIGKILL');
        killed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const interrupted = await exited;
    expect(killed, `the import finished (${seen} articles) before it could be killed; stderr:\n${interrupted.stderr}`).toBe(true);
    expect(interrupted.signal).toBe('SIGKILL');
    const partial = await articleCount(graph);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N);
    // Whatever landed landed whole: a batch is one transaction, so no article lacks its mentions.
    expect(await graph.read('MATCH (a:Article) WHERE NOT (a)-[:MENTIONS]->() RETURN a.id')).toHaveLength(0);

    // Run again to completion: what is in is skipped as unchanged, the rest is written.
    const resumed = await guanxi(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(summaryOf(resumed)).toMatchObject({ read: N, unchanged: partial, created: N - partial, updated: 0, failed: 0 });
    const afterResume = await census(graph);
    expect(afterResume.articles).toBe(N);
    expect(await graph.read('MATCH (a:Article) WHERE NOT (a)-[:MENTIONS]->() RETURN a.id')).toHaveLength(0);

    // The same file, once, into an emptied database.
    await emptyDatabase(graph);
    const clean = await guanxi(args);
    expect(clean.code, clean.stderr).toBe(0);
    expect(summaryOf(clean)).toMatchObject({ read: N, created: N, unchanged: 0, failed: 0 });
    expect(afterResume).toEqual(await census(graph));
  }, 300_000);
});
