/**
 * Every input reader fed random and damaged input: random bytes under each format's name,
 * mutations and truncations of the real fixtures (plain and gzipped), deep nesting, huge fields,
 * mixed encodings and control characters. Whatever comes in, reading must end (no throw, no hang),
 * no article field may hold a control character, every problem names its file, and good records
 * next to a bad one are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ArticleInput, InputProblem } from '@guanxi/shared';
import { readSource, streamSource, type InputItem } from '../../server/src/ingest/index.ts';
import { fuzz, inCampaign, withinMs } from './budget.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const FIXTURES = path.resolve('tests/fixtures/ingest');
/** Long enough that only a hang passes it, on a loaded two-core machine. */
const CASE_MS = 20_000;
const TIMEOUT = inCampaign ? 3_600_000 : 120_000;

const NAMES = ['x.txt', 'x.md', 'x.json', 'x.jsonl', 'x.csv', 'x.tsv', 'x.xml', 'x.rss', 'x.atom', 'x.html', '-'];
const FIXTURE_FILES = ['articles.csv', 'articles.json', 'articles.jsonl', 'feed.atom', 'feed.rss', 'gbk-article.txt', 'mapped.csv', 'page.html',
  'utf16-article.txt', 'dir/first.txt'].filter((f) => fs.existsSync(path.join(FIXTURES, f)));
const fixtureBytes = FIXTURE_FILES.map((f) => ({ name: f, bytes: fs.readFileSync(path.join(FIXTURES, f)) }));

interface Read { articles: ArticleInput[]; problems: InputProblem[] }

/** Reads bytes as the file `name`, in chunks of `chunk` bytes, and checks what every read must hold. */
async function read(bytes: Uint8Array, name: string, chunk = 1 << 16): Promise<Read> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(Buffer.from(bytes.subarray(i, i + chunk)));
  const out: Read = { articles: [], problems: [] };
  await withinMs(CASE_MS, `reading ${bytes.length} bytes as ${name}`, async () => {
    for await (const item of readSource(streamSource(Readable.from(chunks), name), { limits: { maxArticleChars: 2 ** 20, maxLineChars: 2 ** 20 } })) {
      check(item, name);
      if (item.kind === 'article') out.articles.push(item.article);
      else if (item.kind === 'problem') out.problems.push(item.problem);
    }
  });
  return out;
}

function check(item: InputItem, name: string): void {
  if (item.kind !== 'article') {
    expect(item.problem.origin.file).toBe(name);
    expect(item.problem.reason.length).toBeGreaterThan(0);
    return;
  }
  const a = item.article;
  const fields = [a.title, a.body, a.subtitle, a.source, a.url, a.lang, a.date, ...a.authors,
    ...(a.entities ?? []).flatMap((e) => [e.name, ...e.aliases])];
  for (const f of fields) if (f !== undefined) expect(f, `a field of an article from ${name}`).not.toMatch(CONTROL);
  expect(a.body.trim()).not.toBe('');
  expect(a.origin.file).toBe(name);
}

/** Damage to a byte string: flips, control characters and bad bytes put in, cuts, repeats. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('control' as const), at: fc.nat(), byte: fc.constantFrom(0, 1, 7, 8, 0x0b, 0x0c, 0x1b, 0x7f, 0xff, 0xfe, 0xc0) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 2000 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let b = bytes;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'set' || m.kind === 'control') {
      if (b.length === 0) continue;
      b = Buffer.from(b);
      b[at] = m.byte;
    } else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else b = Buffer.concat([b.subarray(0, at), Buffer.concat(Array(m.times).fill(b.subarray(at, at + m.length))), b.subarray(at)]);
  }
  return b;
}

describe('readers under fuzzing', () => {
  it('random bytes, under every format name, in chunks of any size', async () => {
    await fuzz('readers: random bytes', fc.asyncProperty(
      fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), fc.integer({ min: 1, max: 5000 }),
      async (bytes, name, chunk) => {
        await read(bytes, name, chunk);
      },
    ), 40);
  }, TIMEOUT);

  it('mutated and truncated fixtures, plain and gzipped', async () => {
    await fuzz('readers: mutated fixtures', fc.asyncProperty(
      fc.constantFrom(...fixtureBytes), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.integer({ min: 1, max: 4096 }),
      async (fixture, mutations, gzipped, chunk) => {
        const name = path.basename(fixture.name);
        const bytes = gzipped ? mutate(gzipSync(fixture.bytes), mutations) : mutate(fixture.bytes, mutations);
        await read(bytes, gzipped ? `${name}.gz` : name, chunk);
      },
    ), 40);
  }, TIMEOUT);

  it('text in other encodings, mixed, with control characters', async () => {
    const text = fc.string({ unit: fc.constantFrom(...'高新区党工委书记王新亭会见。Paris Obama, 「」\n\t\u0000\u0007\u001b\u0085\u007f\ufffd😀é"\'<>&[]{}#,;'), maxLength: 400 });
    await fuzz('readers: mixed encodings', fc.asyncProperty(
      fc.array(fc.tuple(text, fc.constantFrom('utf8', 'gb18030', 'utf16le', 'big5', 'windows-1252', 'shift_jis')), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...NAMES),
      async (parts, name) => {
        await read(Buffer.concat(parts.map(([t, enc]) => iconv.encode(t, enc))), name);
      },
    ), 40);
  }, TIMEOUT);

  it('deep nesting and huge fields', async () => {
    const shapes: Array<[string, (n: number) => string]> = [
      ['x.json', (n) => '['.repeat(n)],
      ['x.json', (n) => '{"a":'.repeat(n)],
      ['x.jsonl', (n) => `${'['.repeat(n)}\n{"title":"t","body":"b"}\n`],
      ['x.xml', (n) => `<rss><channel>${'<item>'.repeat(n)}</channel></rss>`],
      ['x.html', (n) => `<html><body>${'<div>'.repeat(n)}text</body></html>`],
      ['x.csv', (n) => `title,body\nt,"${'x'.repeat(n * 20)}`],
      ['x.jsonl', (n) => `{"title":"t","body":"${'\\u0000'.repeat(n)}"}\n`],
      ['x.txt', (n) => '\ufffd'.repeat(n * 4)],
      ['x.md', (n) => `# ${'#'.repeat(n)}\n${'['.repeat(n)}(${'('.repeat(n)}\n`],
    ];
    await fuzz('readers: nesting and huge fields', fc.asyncProperty(
      fc.constantFrom(...shapes), fc.integer({ min: 1, max: 100_000 }),
      async ([name, make], n) => {
        await read(Buffer.from(make(n)), name);
      },
    ), 12);
  }, TIMEOUT);

  it('keeps the good records around a bad one', async () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghij 高新区王'), minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
    const junk = fc.oneof(
      fc.constant('{"title": "broken'), fc.constant('"unclosed quote'), fc.constant('\u0000\u0001\u0002\u0003\u0004\u0005'),
      fc.string({ unit: fc.constantFrom(...'{}[]",:\\\u0000'), minLength: 1, maxLength: 30 }),
    );
    await fuzz('readers: good records around a bad one', fc.asyncProperty(
      fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(), junk, fc.constantFrom('jsonl', 'csv', 'json'),
      async (titles, where, bad, format) => {
        const good = titles.map((t, i) => ({ title: `T${i} ${t.trim().replace(/\s+/g, ' ')}`, body: `Body ${i} ${t}.` }));
        const at = where % (good.length + 1);
        let text: string;
        if (format === 'jsonl') {
          const lines = good.map((g) => JSON.stringify(g));
          lines.splice(at, 0, bad.replace(/\n/g, ' '));
          text = lines.join('\n') + '\n';
        } else if (format === 'csv') {
          const rows = good.map((g) => `"${g.title.replace(/"/g, '""')}","${g.body.replace(/"/g, '""')}"`);
          rows.splice(at, 0, `bad,${bad.replace(/\n/g, ' ')}`);
          text = `title,body\n${rows.join('\n')}\n`;
        } else {
          const elements = good.map((g) => JSON.stringify(g));
          elements.splice(at, 0, `{"title": ${JSON.stringify(bad)}, "body": }`);
          text = `[\n${elements.join(',\n')}\n]`;
        }
        const { articles } = await read(Buffer.from(text), `x.${format}`);
        const kept = new Set(articles.map((a) => a.title));
        for (const g of good) expect(kept, `${g.title} in ${JSON.stringify(text)}`).toContain(g.title);
      },
    ), 40);
  }, TIMEOUT);
});
