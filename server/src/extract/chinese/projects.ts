import type { Span } from './span.ts';
import type { Unit } from './units.ts';
import { PROJECT_CUES, words } from './cues.ts';
import { gazetteer } from './gazetteer.ts';
import { dictEntry } from './tokens.ts';

// Endings of document titles in 《》 that are plans and policies, not books or newspapers.
const DOCUMENT_END = /(方案|通知|意见|办法|规定|条例|规划|计划|决定|纲要|细则|规则|措施|法|公约|协定|条约|议定书|宣言|白皮书|报告|指南|标准|章程|决议|守则)$/;
const PART = words('n nz vn ns nt j x eng b l nn m');
// Generic left modifiers that make "this project", not a named one.
const GENERIC = words('该 这个 这 此 本 各 各项 一个 重点 重大 有关 相关 其他 各类 新 大 小 好 工作 建设 实施');
const MAX_LEN = 30;

export function projectCueOf(text: string): string | undefined {
  for (let n = Math.min(6, text.length); n >= 2; n--) {
    const tail = text.slice(text.length - n);
    if (PROJECT_CUES.has(tail)) return tail;
  }
  return undefined;
}

/**
 * Projects: policy documents in 《》; quoted names with a project head inside or right after the
 * quotes (“产业帮扶基金”, “郑卢结对帮扶”高新区产业帮扶基金); and unquoted names ending in a project
 * head (节水行动, 新能源充电站项目) built from nouns on their left.
 */
export function findProjects(text: string, us: Unit[]): Span[] {
  const spans: Span[] = [];
  // 《…》 documents.
  for (let open = text.indexOf('《'); open >= 0; open = text.indexOf('《', open + 1)) {
    const close = text.indexOf('》', open + 1);
    if (close < 0 || close - open > 60) continue;
    const inner = text.slice(open + 1, close);
    if (DOCUMENT_END.test(inner) || projectCueOf(inner)) spans.push({ start: open, end: close + 1, type: 'Project', rule: 'document' });
  }
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    // “quoted” name, possibly followed by more name and a project head.
    if (u.text === '“' || u.text === '"') {
      let j = i + 1;
      while (j < us.length && us[j]!.text !== '”' && us[j]!.text !== '"' && us[j]!.end - u.start < MAX_LEN) j++;
      if (j >= us.length || (us[j]!.text !== '”' && us[j]!.text !== '"')) continue;
      const inner = text.slice(u.end, us[j]!.start);
      if (inner.length < 2) continue;
      // Extend over name parts up to a head after the quotes.
      let k = j;
      let headAt = -1;
      while (k + 1 < us.length && (PART.has(us[k + 1]!.tag) || us[k + 1]!.tag === 'v' || us[k + 1]!.tag === 'nr') && us[k + 1]!.end - u.start < MAX_LEN) {
        k++;
        if (projectCueOf(us[k]!.text)) headAt = k;
      }
      if (headAt > j) {
        spans.push({ start: u.start, end: us[headAt]!.end, type: 'Project', rule: 'quoted-head' });
        i = headAt;
      } else if (projectCueOf(inner) && inner.length >= 4) {
        spans.push({ start: u.end, end: us[j]!.start, type: 'Project', rule: 'quoted' });
        i = j;
      }
      continue;
    }
    const cue = projectCueOf(u.text);
    if (!cue || u.text.length > cue.length + 4) continue;
    let first = i;
    if (u.text === cue) {
      first = nameStart(us, i);
      // A verb right before the head names the activity (节水|行动) when nothing else does.
      if (first === i && isActivity(us[i - 1])) first = i - 1;
    }
    const start = first < i && !isPlace(us[first]!) ? (placeSplitBefore(us, first) ?? us[first]!.start) : us[first]!.start;
    if (u.end - start >= 4 && first < i) spans.push({ start, end: u.end, type: 'Project', rule: 'project-head' });
  }
  return spans;
}

// jieba's dictionary tags some frequent nouns as names (智慧, 文明): frequent ones are words here.
const COMMON_NAME_FREQ = 1000;
const isNamePart = (u: Unit) => {
  if (GENERIC.has(u.text)) return false;
  if (PART.has(u.tag)) return true;
  const entry = dictEntry(u.text);
  return entry !== undefined && (PART.has(entry.tag) || (entry.tag === 'nr' && entry.freq >= COMMON_NAME_FREQ));
};
const isActivity = (u: Unit | undefined) => u !== undefined && u.tag === 'v' && u.text.length === 2 && !GENERIC.has(u.text);
// What a project does, inside its name (道路|提升|平台): never a verb the sentence acts with (签署, 投资).
const ACTIVITIES = words('改造 提升 修复 帮扶 振兴 创新 治理 整治 保护 开发 发展 防治 处理 攻坚 提质 升级 示范 更新 改革 转型 节能 减排 绿化 美化 亮化 净化 扶贫 脱贫 培训 援助 救助 安置 搬迁 监测 清洁 扩容 改建 扩建 孵化 融合 建管 养护 整改');
const isInnerActivity = (u: Unit | undefined) => isActivity(u) && ACTIVITIES.has(u!.text);
// A place opens the name and ends it on the left, whether jieba reads it as a place (砀山) or as a
// word (大同, 永定, 奉贤): every division's name and short form counts.
const isPlace = (u: Unit) => u.place === true || gazetteer().byName.has(u.text);

/**
 * Where the name of the project whose head is unit `head` starts: left over nouns and over an
 * activity inside the name (道路|提升, 生态|修复, 产业|帮扶: one two-character verb with a noun on
 * its left), up to and including the place that opens it (砀山道路提升平台, 奉贤产业帮扶工程). Without the
 * activity the name was cut at the verb into a generic head (提升平台, 帮扶工程) that every project of
 * that kind shared: the largest hubs of a generated collection.
 */
function nameStart(us: Unit[], head: number): number {
  const fits = (k: number) => k >= 0 && us[head]!.end - us[k]!.start <= MAX_LEN;
  let first = head;
  let activities = 0;
  for (;;) {
    const before = us[first - 1];
    if (!before || !fits(first - 1)) return first;
    // The place that opens the name ends it (a word jieba calls a place stands for the name alone).
    if (isPlace(before) && !GENERIC.has(before.text) && (first < head || isNamePart(before))) return first - 1;
    if (isNamePart(before)) first--;
    // One activity at most, from a fixed list, after a common noun: a second verb, a verb after a
    // place or a body, or one off the list is the sentence's (双龙湾镇|签订, 人民政府|签署).
    else if (activities++ === 0 && fits(first - 2) && isInnerActivity(before) && isNamePart(us[first - 2]!) && us[first - 2]!.tag !== 'nt' && !isPlace(us[first - 2]!)) first -= 2;
    else return first;
  }
}

/**
 * The start of a place that jieba cut into pieces right before unit `at` (城|口 of 城口, 上|高 of
 * 上高): the place opens the project's name too. Only whole units: a place inside a word (保障金|凤)
 * is not one.
 */
function placeSplitBefore(us: Unit[], at: number): number | undefined {
  for (let k = Math.max(0, at - 3); k < at - 1; k++) {
    const name = us.slice(k, at).map((u) => u.text).join('');
    if (name.length >= 2 && name.length <= 4 && gazetteer().byName.has(name)) return us[k]!.start;
  }
  return undefined;
}
