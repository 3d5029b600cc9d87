/**
 * A view: what is on the canvas and how it is looked at, small enough for a URL. Node data is not
 * kept, only ids: a restored view asks the server for them again (`depth: 0`), so a shared link
 * shows today's graph. Pinned nodes keep their positions.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { NODE_TYPES, type NodeType } from '@guanxi/shared';

export type ViewMode = 'connections' | 'articles';

export interface ViewState {
  mode: ViewMode;
  /** Every node on the canvas, hidden ones included. */
  nodes: string[];
  /** Pinned nodes and where they are pinned. */
  pins: Record<string, [number, number]>;
  /** Nodes hidden by the user (kept, listed, not drawn). */
  hidden: string[];
  hiddenTypes: NodeType[];
  /** Time window, YYYY-MM-DD, inclusive; null: open. */
  from: string | null;
  to: string | null;
}

export const EMPTY_VIEW: ViewState = { mode: 'connections', nodes: [], pins: {}, hidden: [], hiddenTypes: [], from: null, to: null };

/** The format version: a file or link from a later, incompatible format is refused, not misread. */
const VERSION = 1;
const URL_PARAM = 'v';

export class ViewFormatError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const stringList = (value: unknown, what: string): string[] => {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ViewFormatError(`${what} must be a list of strings`);
  return value as string[];
};

/** Checks untrusted input (a URL, an imported file) field by field; throws ViewFormatError naming the field. */
export function parseView(input: unknown): ViewState {
  if (typeof input !== 'object' || input === null) throw new ViewFormatError('not an object');
  const raw = input as Record<string, unknown>;
  if (raw.version !== VERSION) throw new ViewFormatError(`unknown version ${JSON.stringify(raw.version)} (expected ${VERSION})`);
  const mode = raw.mode ?? 'connections';
  if (mode !== 'connections' && mode !== 'articles') throw new ViewFormatError(`mode must be "connections" or "articles", not ${JSON.stringify(mode)}`);
  const nodes = stringList(raw.nodes ?? [], 'nodes');
  const hidden = stringList(raw.hidden ?? [], 'hidden');
  const hiddenTypes = stringList(raw.hiddenTypes ?? [], 'hiddenTypes');
  const unknownType = hiddenTypes.find((t) => !(NODE_TYPES as readonly string[]).includes(t));
  if (unknownType) throw new ViewFormatError(`hiddenTypes: unknown type ${unknownType}`);
  const pins: Record<string, [number, number]> = {};
  const rawPins = raw.pins ?? {};
  if (typeof rawPins !== 'object' || rawPins === null || Array.isArray(rawPins)) throw new ViewFormatError('pins must be an object');
  for (const [id, at] of Object.entries(rawPins)) {
    if (!Array.isArray(at) || at.length !== 2 || !at.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new ViewFormatError(`pins.${id} must be [x, y]`);
    }
    pins[id] = [at[0], at[1]];
  }
  const date = (value: unknown, what: string): string | null => {
    if (value == null) return null;
    if (typeof value !== 'string' || !DATE.test(value)) throw new ViewFormatError(`${what} must be a date YYYY-MM-DD`);
    return value;
  };
  return { mode, nodes, pins, hidden, hiddenTypes: hiddenTypes as NodeType[], from: date(raw.from, 'from'), to: date(raw.to, 'to') };
}

export function viewToJson(view: ViewState): string {
  return JSON.stringify({ version: VERSION, ...view }, null, 2);
}

/** The URL's query string for a view; the empty view is the bare page. */
export function viewToSearch(view: ViewState): string {
  if (view.nodes.length === 0 && view.mode === 'connections' && !view.from && !view.to && view.hiddenTypes.length === 0) return '';
  return `?${URL_PARAM}=${compressToEncodedURIComponent(JSON.stringify({ version: VERSION, ...view }))}`;
}

/** The view a URL holds, undefined when it holds none; throws ViewFormatError when it is damaged. */
export function viewFromSearch(search: string): ViewState | undefined {
  const packed = new URLSearchParams(search).get(URL_PARAM);
  if (!packed) return undefined;
  const text = decompressFromEncodedURIComponent(packed);
  if (!text) throw new ViewFormatError('the link is damaged (cannot be unpacked)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ViewFormatError('the link is damaged (not JSON)');
  }
  return parseView(parsed);
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return viewToSearch(a) === viewToSearch(b);
}
