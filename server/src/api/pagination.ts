import { badInput, bounded } from './arguments.ts';

/**
 * Relay-style pages: `first` items after an opaque cursor. A cursor is the sort key of the last
 * item seen (keyset pagination: the next page starts where that key left off, so a page costs the
 * same however deep it is), base64url-encoded so clients treat it as a token.
 */
export const MAX_PAGE = 200;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export function pageSize(first: number): number {
  return bounded('first', first, 1, MAX_PAGE);
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(after: string | null | undefined, shape: ('string' | 'number')[]): unknown[] | null {
  if (after == null || after === '') return null;
  try {
    const key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) return key;
  } catch {
    // Falls through to the error below.
  }
  badInput('after is not a cursor from this list (use pageInfo.endCursor of the previous page)');
}

/** A page from rows fetched with one extra (first + 1): the extra one says there is a next page. */
export function toPage<T>(rows: T[], first: number, keyOf: (row: T) => unknown[]) {
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return {
    edges: items.map((row) => ({ row, cursor: encodeCursor(keyOf(row)) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last === undefined ? null : encodeCursor(keyOf(last)) } satisfies PageInfo,
  };
}
