/** One sentence of a BIO file: its characters joined, and its gold entity spans. */
export interface BioSentence {
  text: string;
  entities: BioEntity[];
}

export interface BioEntity {
  type: string;
  start: number;
  end: number;
}

/**
 * Reads a character-per-line BIO file (character, white space, tag; blank line between sentences).
 * An I- tag without a matching B- before it starts a new entity, as conlleval does.
 */
export function parseBio(content: string): BioSentence[] {
  const sentences: BioSentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length) sentences.push({ text: chars.join(''), entities: spansFromTags(tags, chars) });
    chars = [];
    tags = [];
  };
  for (const raw of content.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const m = /^(\S+)\s+(\S+)\s*$/.exec(line);
    if (!m) continue;
    // The character is the first code point; keep one UTF-16 unit per listed character when possible.
    chars.push(m[1]!);
    tags.push(m[2]!);
  }
  flush();
  return sentences;
}

/** Entity spans from per-character tags; offsets count UTF-16 units of the joined characters. */
export function spansFromTags(tags: string[], chars?: string[]): BioEntity[] {
  const out: BioEntity[] = [];
  let cur: BioEntity | undefined;
  let pos = 0;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const width = chars ? chars[i]!.length : 1;
    const [prefix, type] = tag.includes('-') ? [tag.slice(0, tag.indexOf('-')), tag.slice(tag.indexOf('-') + 1)] : [tag, ''];
    if (prefix === 'B' || (prefix === 'I' && (!cur || cur.type !== type))) {
      cur = { type, start: pos, end: pos + width };
      out.push(cur);
    } else if (prefix === 'I' && cur) {
      cur.end = pos + width;
    } else {
      cur = undefined;
    }
    pos += width;
  }
  return out;
}
