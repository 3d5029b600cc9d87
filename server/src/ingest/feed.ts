/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed by fast-xml-parser. Feeds are read whole (they
 * are small by nature; the limit below guards against a mistaken input). HTML in descriptions
 * and content becomes text.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Origin } from '@guanxi/shared';
import { finishArticle, splitAuthors, tidyBody } from './article.ts';
import { normaliseDate } from './dates.ts';
import { htmlToText } from './html.ts';
import { article, problem, type InputItem, type ReadContext } from './items.ts';
import { readAll } from './lines.ts';
import { repairParagraphs } from './page.ts';

const MAX_FEED_BYTES = 100 * 2 ** 20;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false, // a title "2020" stays a string
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: false,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category', 'dc:creator'].includes(name),
});

type Node = Record<string, unknown>;

/** The text of an element that may carry attributes (`{"#text": ..., "@_type": "html"}`) or be empty. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') {
    const node = value as Node;
    if ('#text' in node) return text(node['#text']);
    return undefined;
  }
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/** Atom's type="xhtml" content is XML inside the element; the parser has made it an object. */
function xhtmlText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') parts.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) if (!k.startsWith('@_')) {
      walk(inner);
      if (/^(p|div|br|li|h\d)$/i.test(k.replace(/^.*:/, ''))) parts.push('\n');
    }
  };
  walk(value);
  return parts.join(' ').trim() || undefined;
}

function bodyOf(value: unknown): string {
  const node = (Array.isArray(value) ? value[0] : value) as Node | string | undefined;
  if (node && typeof node === 'object' && node['@_type'] === 'xhtml') return xhtmlText(node) ?? '';
  const raw = text(node) ?? '';
  const isText = node && typeof node === 'object' && node['@_type'] === 'text';
  const plain = isText ? raw : htmlToText(raw);
  return repairParagraphs(tidyBody(plain).split('\n')).join('\n');
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return text(links);
  const nodes = links as Node[];
  const alternate = nodes.find((l) => typeof l === 'object' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate'));
  const chosen = alternate ?? nodes[0];
  return typeof chosen === 'object' ? text(chosen?.['@_href']) : text(chosen);
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) => (typeof a === 'object' && a !== null && 'name' in a ? splitAuthors(text((a as Node).name)) : splitAuthors(text(a))));
}

/**
 * Takes the DOCTYPE out of a feed, keeping its line breaks so that line numbers still hold. Feeds
 * need none, and its entity declarations are how XML reaches outside itself (SYSTEM entities read
 * local files) or blows up (entities of entities); the parser refuses some of them and with them
 * the whole feed, so they are never given to it. Entity references then stay as literal text.
 */
export function withoutDoctype(xml: string): { xml: string; doctype?: { line: number; entities: boolean } } {
  const start = xml.search(/<!DOCTYPE\b/i);
  if (start < 0) return { xml };
  const bracket = xml.indexOf('[', start);
  let close = xml.indexOf('>', start);
  if (bracket >= 0 && (close < 0 || bracket < close)) {
    const subsetEnd = xml.indexOf(']', bracket);
    close = subsetEnd < 0 ? -1 : xml.indexOf('>', subsetEnd);
  }
  const end = close < 0 ? xml.length : close + 1;
  const declaration = xml.slice(start, end);
  const line = 1 + (xml.slice(0, start).match(/\n/g)?.length ?? 0);
  return {
    xml: xml.slice(0, start) + declaration.replace(/[^\n]/g, '') + xml.slice(end),
    doctype: { line, entities: /<!ENTITY/i.test(declaration) },
  };
}

export async function* readFeed(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  const read = withoutDoctype(await readAll(chunks, MAX_FEED_BYTES, 'feed'));
  const xml = read.xml;
  if (read.doctype?.entities) {
    yield problem({ file: ctx.file, line: read.doctype.line }, 'XML: the DOCTYPE declares entities; they are ignored, never resolved, and references to them are left as text');
  }
  if (xml.trim() === '') {
    yield problem({ file: ctx.file }, 'empty file');
    return;
  }
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    // fast-xml-parser's validator throws "<message>:<line>:<column>".
    const message = error instanceof Error ? error.message : String(error);
    const where = /^([\s\S]*?)\.?:(\d+):(\d+)$/.exec(message);
    const origin = where ? { file: ctx.file, line: +where[2]! } : { file: ctx.file };
    yield problem(origin, where ? `XML: ${where[1]} (line ${where[2]}, column ${where[3]})` : `XML: ${message}`);
    return;
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Node;
    const items = ((rss ? channel.item : rdf?.item) ?? []) as Node[];
    const source = text(channel.title);
    const lang = text(channel.language);
    let record = 0;
    for (const item of items) {
      const origin: Origin = { file: ctx.file, record: ++record };
      const body = bodyOf(item['content:encoded'] ?? item.description);
      if (!body) {
        yield problem(origin, 'missing body (no description or content:encoded)');
        continue;
      }
      const date = normaliseDate(text(item.pubDate) ?? text(item['dc:date']));
      const guid = item.guid as Node | string | undefined;
      const guidUrl = typeof guid === 'object' && guid?.['@_isPermaLink'] === 'false' ? undefined : text(guid);
      yield article(finishArticle({
        title: htmlToText(text(item.title) ?? ''),
        body,
        date,
        dateSource: date ? 'metadata' : undefined,
        source,
        url: text(item.link) ?? (guidUrl && /^https?:/.test(guidUrl) ? guidUrl : undefined),
        authors: [...splitAuthors(text(item.author)), ...(item['dc:creator'] as unknown[] ?? []).flatMap((c) => splitAuthors(text(c)))],
        lang: lang?.split(/[-_]/)[0]?.toLowerCase(),
        origin,
      }));
    }
    return;
  }
  if (atom) {
    const source = text(atom.title);
    const lang = text(atom['@_xml:lang']);
    const feedAuthors = names(atom.author);
    let record = 0;
    for (const entry of (atom.entry ?? []) as Node[]) {
      const origin: Origin = { file: ctx.file, record: ++record };
      const body = bodyOf(entry.content ?? entry.summary);
      if (!body) {
        yield problem(origin, 'missing body (no content or summary)');
        continue;
      }
      const date = normaliseDate(text(entry.published) ?? text(entry.updated));
      const authors = names(entry.author);
      yield article(finishArticle({
        title: htmlToText(text(entry.title) ?? ''),
        body,
        date,
        dateSource: date ? 'metadata' : undefined,
        source,
        url: atomLink(entry.link),
        authors: authors.length > 0 ? authors : feedAuthors,
        lang: (text(entry['@_xml:lang']) ?? lang)?.split(/[-_]/)[0]?.toLowerCase(),
        origin,
      }));
    }
    return;
  }
  yield problem({ file: ctx.file }, `XML: not an RSS or Atom feed (root element ${Object.keys(doc).filter((k) => !k.startsWith('?'))[0] ?? 'missing'})`);
}
