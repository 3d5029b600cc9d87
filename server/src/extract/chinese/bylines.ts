import { isChineseNameShape } from './persons.ts';

export interface Byline {
  authors: string[];
  /** Body ranges the byline covers; names there are authors, not mentions. */
  start: number;
  end: number;
}

// 记者 李颖 孙庆辉 文/图 | （记者 王某） | 本报记者王某 | 通讯员 张某 摄 — at a line end or in brackets.
const BYLINE_RE =
  /(?:本报|新华社)?(?:特约|见习|实习)?(?:记者|通讯员|撰稿|编辑|作者|文字|摄影)[ \t:：]*((?:[\u4e00-\u9fff·]{2,5}(?:[ \t、,，]+|(?=[ \t]*(?:文\/图|文图|文|图|摄影|摄|报道|整理)?[ \t]*(?:[)）]|\n|$))))+)[ \t]*(?:文\/图|文图|文|图|摄影|摄|报道|整理)?[ \t]*(?=[)）]|\n|$)/g;

/**
 * Bylines: the reporter names at the end of a news item (记者 李颖 孙庆辉 文/图) or in brackets after
 * 本报讯. Only names at a line end or closing bracket count, so 记者 in running text
 * (记者了解到) is left alone.
 */
export function findBylines(folded: string): Byline[] {
  const out: Byline[] = [];
  BYLINE_RE.lastIndex = 0;
  for (let m = BYLINE_RE.exec(folded); m; m = BYLINE_RE.exec(folded)) {
    const names = m[1]!.split(/[ \t、,，]+/).filter(Boolean);
    if (names.length === 0 || !names.every((n) => isChineseNameShape(n) || /^[\u4e00-\u9fff]{2,3}$/.test(n) && isChineseNameShape(n.slice(0, 3)))) continue;
    out.push({ authors: names, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
