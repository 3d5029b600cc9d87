/**
 * What compromise misses in English news names: organizations named with their heads (Illinois
 * Department of Commerce, Northwind Traders — compromise cuts the first to a place and skips the
 * second) and titles before names (Governor Tom Becker), kept as positions. Token walks, linear in
 * the text: no pattern here backtracks.
 */

/** Words that end an organization's name. */
const ORG_HEADS = new Set(
  ('Department Ministry Bureau Agency Office Commission Council Committee Authority Administration Institute University College ' +
    'School Hospital Bank Foundation Association Society Union Federation Fund Trust Group Holdings Company Corporation Corp Inc ' +
    'Ltd LLC Co Traders Industries Partners Motors Airlines Systems Technologies Labs Services Enterprises Assembly Parliament ' +
    'Congress Senate Court Police Army Navy Party Network Press Times Post Journal Club Center Centre Museum Library Bank')
    .split(' '),
);
/** Heads that may be followed by "of X" inside the name (Department of Commerce, Bank of America). */
const OF_HEADS = new Set('Department Ministry Bureau Office Commission Council Committee Institute University College School Bank Association Society Federation Court Museum Library Center Centre'.split(' '));
/** Capitalized words that start a sentence or a phrase, not a name. */
const NOT_NAME = new Set('The A An This That These Those On In At For From With By And Or But Later Yesterday Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr'.split(' '));

export interface NameSpan {
  start: number;
  end: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z][A-Za-z0-9&'-]*\.?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A full stop belongs to the word only as an abbreviation's (Inc., Corp., Co.).
    const word = /^(?:Inc|Corp|Co|Ltd|St|Dr|Gov|Sen|Rep)\.$/.test(m[0]) ? m[0] : m[0].replace(/\.$/, '');
    out.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return out;
}

const capitalized = (t: Token) => /^[A-Z]/.test(t.text);
const bare = (t: Token) => t.text.replace(/\.$/, '');
/** Are two tokens next to each other, one space apart? */
const adjacent = (text: string, a: Token, b: Token) => b.start - a.end === 1 && text[a.end] === ' ';

/** Organization names that end in a head, with the capitalized words before it (and "of X" after some heads). */
export function findOrganizationNames(text: string): NameSpan[] {
  const ts = tokens(text);
  const out: NameSpan[] = [];
  let last = -1;
  for (let i = 0; i < ts.length; i++) {
    const head = ts[i]!;
    if (!capitalized(head) || !ORG_HEADS.has(bare(head))) continue;
    let first = i;
    while (first > 0 && i - first < 5 && first - 1 > last && adjacent(text, ts[first - 1]!, ts[first]!) && capitalized(ts[first - 1]!) && !NOT_NAME.has(ts[first - 1]!.text)) first--;
    let end = i;
    if (OF_HEADS.has(bare(head)) && ts[i + 1]?.text === 'of' && adjacent(text, head, ts[i + 1]!)) {
      let k = i + 2;
      if (ts[k]?.text === 'the' && adjacent(text, ts[k - 1]!, ts[k]!)) k++;
      const from = k;
      while (k < ts.length && k - from < 3 && adjacent(text, ts[k - 1]!, ts[k]!) && (capitalized(ts[k]!) || (ts[k]!.text === 'and' && ts[k + 1] !== undefined && capitalized(ts[k + 1]!)))) k++;
      if (ts[k - 1]?.text === 'and') k--;
      if (k > from) end = k - 1;
    }
    // A head alone (Department, Group) names nothing; a company's legal form alone neither.
    if (first === i && end === i) continue;
    out.push({ start: ts[first]!.start, end: ts[end]!.end });
    last = end;
    i = end;
  }
  return out;
}

/** Titles before names, longest first: what a person is called by their post. */
const TITLES = [
  'Lieutenant Governor', 'Attorney General', 'Prime Minister', 'Chief Executive Officer', 'Chief Executive', 'General Manager', 'Vice President',
  'Governor', 'Gov.', 'Mayor', 'Senator', 'Sen.', 'Representative', 'Rep.', 'President', 'Minister', 'Secretary', 'Chairman', 'Chairwoman',
  'Chair', 'CEO', 'CFO', 'Director', 'Commissioner', 'Ambassador', 'Judge', 'Chancellor', 'Premier', 'Treasurer', 'Founder', 'Professor',
  'Sheriff', 'Superintendent', 'Manager',
];
const CANONICAL_TITLE: Record<string, string> = { 'Gov.': 'Governor', 'Sen.': 'Senator', 'Rep.': 'Representative', 'Chief Executive Officer': 'CEO', 'Chief Executive': 'CEO' };
/** Titles of public office: without an organization named, the post is of the place the article is about. */
export const OFFICE_TITLES = new Set(['Governor', 'Lieutenant Governor', 'Mayor', 'Senator', 'Representative', 'Attorney General', 'Sheriff', 'Premier', 'Prime Minister', 'President']);

/** The title right before `start` (Governor Tom Becker; Deputy Mayor …), or undefined. */
export function titleBefore(text: string, start: number): { title: string; start: number } | undefined {
  const before = text.slice(Math.max(0, start - 40), start);
  for (const t of TITLES) {
    if (!before.endsWith(`${t} `)) continue;
    let at = start - t.length - 1;
    if (at > 0 && /[A-Za-z]/.test(text[at - 1]!) ) continue;
    let title = CANONICAL_TITLE[t] ?? t;
    const deputy = /(?:Vice|Deputy|Acting|Former) $/.exec(text.slice(Math.max(0, at - 8), at));
    if (deputy) {
      title = `${deputy[0].trim()} ${title}`;
      at -= deputy[0].length;
    }
    return { title, start: at };
  }
  return undefined;
}

/** How many characters of a person's mention are a title before the name (Governor Tom Becker → 9), 0 if none. */
export function leadingTitle(surface: string): number {
  for (const t of TITLES) if (surface.startsWith(`${t} `) && surface.length > t.length + 1) return t.length + 1;
  return 0;
}
