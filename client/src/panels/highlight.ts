/**
 * Splits an article body into plain and highlighted segments from the API's mention offsets
 * ([start, end) pairs, UTF-16 units, flattened). Overlapping mentions (党工委 inside
 * 高新区党工委) keep the one that starts first, and at equal start the longer one.
 */
export interface MentionSpans<T> {
  ref: T;
  offsets: number[];
}

export type Segment<T> = { text: string; ref?: T };

export function highlightSegments<T>(body: string, mentions: MentionSpans<T>[]): Segment<T>[] {
  const spans: { start: number; end: number; ref: T }[] = [];
  for (const mention of mentions) {
    for (let i = 0; i + 1 < mention.offsets.length; i += 2) {
      const start = mention.offsets[i]!;
      const end = mention.offsets[i + 1]!;
      // Bad offsets from an old index must not break the article view.
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= body.length) {
        spans.push({ start, end, ref: mention.ref });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  const segments: Segment<T>[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    if (span.start > cursor) segments.push({ text: body.slice(cursor, span.start) });
    segments.push({ text: body.slice(span.start, span.end), ref: span.ref });
    cursor = span.end;
  }
  if (cursor < body.length) segments.push({ text: body.slice(cursor) });
  return segments;
}

/** Marks every occurrence of any of `terms` in `text` (longest term first), for evidence sentences. */
export function markTerms(text: string, terms: string[]): Segment<true>[] {
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text }];
  const escaped = wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'g');
  const segments: Segment<true>[] = [];
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > cursor) segments.push({ text: text.slice(cursor, start) });
    segments.push({ text: match[0], ref: true });
    cursor = start + match[0].length;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}

/**
 * Adds the places where an entity's name or one of its aliases (管委会 for 高新区管委会) occurs in
 * the body but extraction did not record a mention, so every way the article names it is marked.
 * Names shorter than two characters are left out: one character matches too much.
 */
export function withNameOffsets<T>(body: string, mentions: { ref: T; offsets: number[]; names: string[] }[]): MentionSpans<T>[] {
  return mentions.map(({ ref, offsets, names }) => {
    const extra: number[] = [];
    for (const name of new Set(names)) {
      if (name.length < 2) continue;
      for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length)) extra.push(at, at + name.length);
    }
    return { ref, offsets: [...offsets, ...extra] };
  });
}
