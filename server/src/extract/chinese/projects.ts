import type { Span } from './span.ts';
import type { Unit } from './units.ts';
import { PROJECT_CUES, words } from './cues.ts';

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
      while (first - 1 >= 0 && PART.has(us[first - 1]!.tag) && !GENERIC.has(us[first - 1]!.text) && us[i]!.end - us[first - 1]!.start <= MAX_LEN) first--;
      // A verb right before the head names the activity (节水|行动) when nothing else does.
      if (first === i && us[i - 1]?.tag === 'v' && us[i - 1]!.text.length === 2 && !GENERIC.has(us[i - 1]!.text)) first = i - 1;
    }
    const start = us[first]!.start;
    if (u.end - start >= 4 && first < i) spans.push({ start, end: u.end, type: 'Project', rule: 'project-head' });
  }
  return spans;
}
