import type { EntityType, EventType, ExtractedRelation, Sentence } from '@guanxi/shared';
import { sentenceAt } from './text/sentences.ts';

/** An entity occurrence of an English article, by its canonical name. */
export interface Occurrence {
  start: number;
  end: number;
  type: EntityType;
  name: string;
}

/**
 * The event verbs of English news, with the word that introduces the object (signed … with X,
 * invested … in X, donated … to X); null: the object follows the verb (met X, visited X).
 */
const VERBS: Array<{ re: RegExp; type: EventType; object: RegExp | null; symmetric?: boolean }> = [
  { re: /\b(?:met|meets|meeting) with\b|\b(?:met|meets|received|hosted)\b/g, type: 'MET', object: null },
  { re: /\b(?:visited|visits|toured|tours|inspected)\b/g, type: 'VISITED', object: null },
  { re: /\b(?:signed|signs|inked)\b/g, type: 'SIGNED', object: /^[^.;]{0,60}?\b(?:with|between)\s+$/, symmetric: true },
  { re: /\b(?:co-founded|founded|set up|established|launched)\b/g, type: 'FOUNDED', object: null },
  { re: /\b(?:invested|invests|investing)\b/g, type: 'INVESTED_IN', object: /^[^.;]{0,40}?\bin\s+(?:the\s+)?$/ },
  { re: /\b(?:donated|donates|gave|pledged)\b/g, type: 'DONATED_TO', object: /^[^.;]{0,60}?\bto\s+(?:the\s+)?$/ },
  { re: /\b(?:partnered|paired|teamed up|twinned)\b/g, type: 'PAIRED_WITH', object: /^\s+with\s+(?:the\s+)?$/, symmetric: true },
];

const SUBJECT_GAP = /^(?:,[^,.;]{0,40},)?\s*(?:(?:has|have|had|also|later|then|jointly|together|recently|on \w+|officially)\s+){0,3}$/;
const LIST_JOIN = /^(?:,\s*|\s+and\s+|,\s*and\s+)$/;

/**
 * Events from English verbs: the subject is the entity (or the list of entities joined by "and")
 * right before the verb, the object the entity after it or after its preposition (with, in, to).
 */
export function findEnglishEvents(body: string, occurrences: Occurrence[], sentences: Sentence[], date: string | undefined): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  for (const verb of VERBS) {
    verb.re.lastIndex = 0;
    for (let m = verb.re.exec(body); m; m = verb.re.exec(body)) {
      const at = m.index;
      const end = at + m[0].length;
      const si = sentenceAt(sentences, at);
      const s = sentences[si]!;
      const here = within(occurrences, s.start, s.end);
      let subjects = listBefore(body, here, at);
      let confidence = 0.85;
      // A second verb of the same subject (Becker visited X and signed …): the sentence's opening entity.
      if (subjects.length === 0 && /\band\s+$/.test(body.slice(Math.max(s.start, at - 6), at)) && here[0] && /^(?:The\s+)?$/.test(body.slice(s.start, here[0].start))) {
        subjects = [here[0]];
        confidence = 0.7;
      }
      const objects = listAfter(body, here, end, verb.object);
      for (const a of subjects) {
        for (const b of objects) {
          if (a.name === b.name) continue;
          if (verb.type === 'VISITED' && (a.type !== 'Person' || b.type === 'Person')) continue;
          if (verb.type === 'FOUNDED' && b.type !== 'Organization') continue;
          const key = `${verb.type}|${a.name}|${b.name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({
            type: verb.type, from: a.name, fromType: a.type, to: b.name, toType: b.type, trigger: m[0],
            evidence: body.slice(s.start, s.end), confidence, ...(date ? { date } : {}),
          });
        }
      }
    }
  }
  return out;
}

/** The entity right before `at` (a few adverbs between), with those listed before it by commas and "and". */
function listBefore(body: string, here: Occurrence[], at: number): Occurrence[] {
  const before = here.filter((o) => o.end <= at);
  const last = before[before.length - 1];
  if (!last || !SUBJECT_GAP.test(body.slice(last.end, at))) return [];
  // CEO Maria Lopez of Northwind Traders met …: the person acts, the employer describes her.
  const person = before[before.length - 2];
  if (person?.type === 'Person' && last.type !== 'Person' && /^,?\s+(?:of|at|from)\s+(?:the\s+)?$/.test(body.slice(person.end, last.start))) return [person];
  const out = [last];
  for (let k = before.length - 2; k >= 0 && LIST_JOIN.test(body.slice(before[k]!.end, out[0]!.start)); k--) out.unshift(before[k]!);
  return out;
}

/** The entity after the verb (after its preposition, if it has one), with those listed after it. */
function listAfter(body: string, here: Occurrence[], end: number, object: RegExp | null): Occurrence[] {
  const after = here.filter((o) => o.start >= end);
  const first = after[0];
  if (!first) return [];
  const gap = body.slice(end, first.start);
  if (object ? !object.test(gap) : !/^\s+(?:with\s+)?(?:the\s+)?$/.test(gap)) return [];
  const out = [first];
  for (let k = 1; k < after.length && LIST_JOIN.test(body.slice(out[out.length - 1]!.end, after[k]!.start)); k++) out.push(after[k]!);
  return out;
}

/** The occurrences inside [start, end), found by binary search (occurrences are in text order). */
export function within(occurrences: Occurrence[], start: number, end: number): Occurrence[] {
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occurrences[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Occurrence[] = [];
  for (let k = lo; k < occurrences.length && occurrences[k]!.start < end; k++) if (occurrences[k]!.end <= end) out.push(occurrences[k]!);
  return out;
}
