import type { ExtractedEntity, ExtractedRelation, Sentence } from '@guanxi/shared';
import type { Span } from './span.ts';
import { TITLES } from './cues.ts';
import { sentenceAt } from '../text/sentences.ts';

const TITLE_LIST = [...TITLES].sort((a, b) => b.length - a.length);
// A title phrase between an organization and a person: 副书记, 常务副主任, 副组长兼办公室主任.
const TITLE_PHRASE = /^[\u4e00-\u9fff]{1,14}$/;

export interface PositionInput {
  folded: string;
  spans: Span[];
  /** Canonical "Type:name" of each span, parallel to spans. */
  canonical: string[];
  entities: Map<string, ExtractedEntity>;
  sentences: Sentence[];
  sentenceText: (i: number) => string;
  date?: string;
}

/** The title a phrase ends with, or undefined: 乡长 of 乡长, 常务副主任 of 常务副主任. */
export function titleOf(phrase: string): string | undefined {
  if (!TITLE_PHRASE.test(phrase)) return undefined;
  for (const t of TITLE_LIST) if (phrase.endsWith(t)) return t;
  return undefined;
}

/**
 * HOLDS_POSITION from "organization-or-place + title + person": 卢氏县委副书记李兴东,
 * 徐家湾乡乡长吕海波. Walks left from each person over an enumeration of posts joined by 、 or ，
 * (高新区党工委书记、管委会主任王新亭 gives two positions). The title is the text between the
 * organization and the person (or the next post's separator).
 */
export function findPositions(input: PositionInput): ExtractedRelation[] {
  const { folded, spans, canonical, sentences, sentenceText } = input;
  const out: ExtractedRelation[] = [];
  for (let pi = 0; pi < spans.length; pi++) {
    const p = spans[pi]!;
    if (p.type !== 'Person') continue;
    const sentence = sentenceAt(sentences, p.start);
    const person = canonical[pi]!.slice('Person:'.length);
    let right = p.start;
    for (let k = pi - 1; k >= 0; k--) {
      const org = spans[k]!;
      if (org.type !== 'Organization' && org.type !== 'Place') break;
      if (sentenceAt(sentences, org.start) !== sentence) break;
      let gap = folded.slice(org.end, right);
      const separated = k < pi - 1;
      if (separated) {
        if (!/[、，,]$/.test(gap)) break;
        gap = gap.slice(0, -1);
      }
      const title = titleOf(gap);
      if (!title) break;
      const [toType, to] = splitCanonical(canonical[k]!);
      out.push({ type: 'HOLDS_POSITION', from: person, fromType: 'Person', to, toType, title: gap, evidence: sentenceText(sentence), ...(input.date ? { asOf: input.date } : {}) });
      right = org.start;
    }
  }
  return out;
}

function splitCanonical(c: string): ['Organization' | 'Place', string] {
  const i = c.indexOf(':');
  return [c.slice(0, i) as 'Organization' | 'Place', c.slice(i + 1)];
}
