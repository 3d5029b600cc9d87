import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.ts';

const cache = new Map<string, string>();

/** The text of cypher/<name>.cypher. Queries live there, not in string fragments in the code. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(ROOT, 'cypher', `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** The statements of a file of several, separated by semicolons at line ends; comments dropped. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}
