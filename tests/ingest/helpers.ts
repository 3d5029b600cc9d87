import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { ArticleInput, InputProblem } from '@guanxi/shared';
import { readInputs, type ReadOptions } from '../../server/src/ingest/index.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/ingest');
export const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

/** Reads everything, split into articles and problems. */
export async function readAll(paths: string[], options?: ReadOptions): Promise<{ articles: ArticleInput[]; problems: InputProblem[] }> {
  const articles: ArticleInput[] = [];
  const problems: InputProblem[] = [];
  for await (const item of readInputs(paths, options)) {
    if (item.kind === 'article') articles.push(item.article);
    else problems.push(item.problem);
  }
  return { articles, problems };
}

/** A fresh temporary folder for one test, removed when the test finishes (passed or failed). */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
