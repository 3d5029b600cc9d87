/** Dates found in metadata, text and file names, always normalised to ISO YYYY-MM-DD. */

export interface PartialDate {
  year?: number;
  month: number;
  day: number;
}

/** A year and maybe month known from context (a file name, a page's other dates). */
export interface YearContext {
  year: number;
  month?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function toIso(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined; // 2月30日 is not a date
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A date from metadata (JSON field, CSV cell, feed pubDate, meta tag). The calendar date is
 * taken as written, in its own time zone: "2020-05-07T23:30:00+08:00" is 2020-05-07, not the
 * UTC day, because that is the day the paper printed.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Epoch seconds or milliseconds.
    const d = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!s) return undefined;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(s);
  if (m) return toIso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(s);
  if (m) return toIso(+m[1]!, +m[2]!, +m[3]!);
  // RFC 822 (RSS): "Thu, 07 May 2020 10:00:00 +0800"; also "7 May 2020".
  m = /^(?:[A-Za-z]{3,},?\s+)?(\d{1,2})\s+([A-Za-z]{3,})\.?\s+(\d{4})/.exec(s);
  if (m && monthNumber(m[2]!) > 0) return toIso(+m[3]!, monthNumber(m[2]!), +m[1]!);
  // "May 7, 2020", "Thursday, May 7 2020".
  m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(s);
  if (m && monthNumber(m[1]!) > 0) return toIso(+m[3]!, monthNumber(m[1]!), +m[2]!);
  const parsed = Date.parse(s);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

const CJK_DATE = /(?:(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const ISO_DATE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g;
const EN_DATE = /\b(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4}))\b/g;

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnYear(s: string): number {
  return /^\d+$/.test(s) ? +s : +[...s].map((c) => CN_DIGITS[c] ?? 0).join('');
}

/** The first date written in `text` ("2020年5月7日", "5月7日", "2020-05-07", "May 7, 2020"), earliest position wins. */
export function findDateInText(text: string): PartialDate | undefined {
  let best: { index: number; date: PartialDate } | undefined;
  const consider = (index: number, date: PartialDate) => {
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return;
    if (!best || index < best.index) best = { index, date };
  };
  for (const m of text.matchAll(CJK_DATE)) {
    consider(m.index, { year: m[1] ? cnYear(m[1]) : undefined, month: +m[2]!, day: +m[3]! });
  }
  for (const m of text.matchAll(ISO_DATE)) consider(m.index, { year: +m[1]!, month: +m[2]!, day: +m[3]! });
  for (const m of text.matchAll(EN_DATE)) {
    const month = monthNumber(m[1] ?? m[5]!);
    if (month > 0) consider(m.index, { year: +(m[3] ?? m[6])!, month, day: +(m[2] ?? m[4])! });
  }
  return best?.date;
}

/** Years mentioned as such ("2020年", "in 2020"), in order of appearance. */
export function findYearsInText(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)) years.push(+m[1]!);
  if (years.length === 0) for (const m of text.matchAll(/\b(?:in|of|since)\s+((?:19|20)\d{2})\b/g)) years.push(+m[1]!);
  return years;
}

/** What a file name says: "gaoxin-2020-05-08.txt" a date, "gaoxin-2020-05.txt" a year and month. */
export function dateFromFileName(fileName: string): { date?: string; context?: YearContext } {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  let m = /(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(base);
  if (m) {
    const date = toIso(+m[1]!, +m[2]!, +m[3]!);
    if (date) return { date, context: { year: +m[1]!, month: +m[2]! } };
  }
  m = /(?<!\d)((?:19|20)\d{2})[-_.](\d{1,2})(?!\d)/.exec(base);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return { context: { year: +m[1]!, month: +m[2]! } };
  m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(base);
  if (m) return { context: { year: +m[1]! } };
  return {};
}

/**
 * The year of a month-day date from its context. A page of early January that reports
 * "12月30日" speaks of last year, so a month far after the context's month goes one year back.
 */
export function completeDate(date: PartialDate, context: YearContext | undefined): string | undefined {
  if (date.year !== undefined) return toIso(date.year, date.month, date.day);
  if (!context) return undefined;
  let year = context.year;
  if (context.month !== undefined && date.month - context.month > 6) year -= 1;
  return toIso(year, date.month, date.day);
}

/** The part of an article where its own date is written: the headline and the lead's start ("本报讯 5月7日，"). */
export function dateLead(title: string, body: string): string {
  const firstParagraph = body.split('\n', 1)[0] ?? '';
  return `${title}\n${firstParagraph.slice(0, 300)}`;
}

/**
 * An article's date from its own text. A date without a year takes it, in this order, from the
 * file name (a page's issue date is the best witness), the article's own "2020年", or the page's
 * other articles (`pageYear`). `needsYear` says a month-day was found but no year yet.
 */
export function dateFromText(
  title: string,
  body: string,
  fileContext: YearContext | undefined,
  pageYear?: YearContext,
): { date?: string; needsYear: boolean; yearSeen?: YearContext } {
  const found = findDateInText(dateLead(title, body));
  const ownYears = findYearsInText(body);
  // What this article tells the rest of the page about the year ("2020年5月7日" counts as 2020年).
  const yearSeen = found?.year !== undefined ? { year: found.year, month: found.month }
    : ownYears[0] !== undefined ? { year: ownYears[0] } : undefined;
  if (!found) return { needsYear: false, yearSeen };
  if (found.year !== undefined) return { date: completeDate(found, undefined), needsYear: false, yearSeen };
  const context = fileContext ?? (ownYears[0] !== undefined ? { year: ownYears[0] } : pageYear);
  if (!context) return { needsYear: true, yearSeen };
  return { date: completeDate(found, context), needsYear: false, yearSeen };
}
