/**
 * What an export covers, however it is asked for (CLI flags, /export query parameters): the whole
 * collection, the explorer's current view (its node ids), or an entity's ego network to depth N;
 * narrowed by a date window and entity types; the connection graph alone (entities, co-mentions and
 * stated relations) or with the articles and their mentions and bylines.
 */
import { ENTITY_TYPES, isEntityType, type EntityType } from '@guanxi/shared';

export type ScopeKind = 'whole' | 'view' | 'ego';

export interface ExportScope {
  kind: ScopeKind;
  /** view: the nodes to export; ego: the centres. */
  ids: string[];
  /** ego: hops out in the connection graph. */
  depth: number;
  /** ego: at most this many entities (strongest ties first). */
  limit: number;
  from: string | null;
  to: string | null;
  types: EntityType[] | null;
  /** Articles, their mentions and bylines too; otherwise the connection graph alone. */
  articles: boolean;
}

export const SCOPE_LIMITS = { depth: 5, limit: 50_000, ids: 5_000 } as const;
export const DEFAULT_EGO_LIMIT = 5_000;

/** A bad scope: the message names the parameter and what it takes. */
export class ScopeError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new ScopeError(`${name} must be a date as YYYY-MM-DD; got "${value}"`);
  return value;
}

function count(name: string, value: string | number | undefined, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ScopeError(`${name} must be an integer from 1 to ${max}; got "${value}"`);
  return n;
}

/** Comma- or space-separated lists, as a query parameter or repeated flags give them. */
function list(value: string | string[] | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export interface ScopeInput {
  scope?: string;
  ids?: string | string[];
  depth?: string | number;
  limit?: string | number;
  from?: string;
  to?: string;
  types?: string | string[];
  articles?: string | boolean;
}

export function parseScope(input: ScopeInput): ExportScope {
  const ids = list(input.ids);
  const kind = (input.scope ?? (ids.length > 0 ? 'view' : 'whole')) as ScopeKind;
  if (!['whole', 'view', 'ego'].includes(kind)) throw new ScopeError(`scope must be whole, view or ego; got "${input.scope}"`);
  if (kind !== 'whole' && ids.length === 0) throw new ScopeError(`scope ${kind} needs ids (the ${kind === 'ego' ? 'centres' : 'nodes of the view'})`);
  if (kind === 'whole' && ids.length > 0) throw new ScopeError('scope whole takes no ids; use scope view or ego');
  if (ids.length > SCOPE_LIMITS.ids) throw new ScopeError(`at most ${SCOPE_LIMITS.ids} ids; got ${ids.length}`);
  const types = list(input.types);
  const unknown = types.filter((t) => !isEntityType(t));
  if (unknown.length > 0) throw new ScopeError(`unknown entity type ${unknown.join(', ')}; use ${ENTITY_TYPES.join(', ')}`);
  const from = day('from', input.from);
  const to = day('to', input.to);
  if (from && to && from > to) throw new ScopeError(`from (${from}) is after to (${to})`);
  const articles = input.articles === true || input.articles === 'true' || input.articles === '1';
  if (input.articles !== undefined && typeof input.articles === 'string' && !['true', 'false', '1', '0', ''].includes(input.articles)) {
    throw new ScopeError(`articles must be true or false; got "${input.articles}"`);
  }
  return {
    kind,
    ids: [...new Set(ids)],
    depth: count('depth', input.depth, 1, SCOPE_LIMITS.depth),
    limit: count('limit', input.limit, DEFAULT_EGO_LIMIT, SCOPE_LIMITS.limit),
    from,
    to,
    types: types.length > 0 ? (types as EntityType[]) : null,
    articles,
  };
}

/** One line for READMEs and metadata: what this export is. */
export function describeScope(scope: ExportScope): string {
  const what = scope.articles ? 'the connection graph with its articles' : 'the connection graph (entities and their links)';
  const of =
    scope.kind === 'whole'
      ? 'of the whole collection'
      : scope.kind === 'view'
        ? `of a view of ${scope.ids.length} nodes`
        : `around ${scope.ids.join(', ')} to depth ${scope.depth}`;
  const window = scope.from || scope.to ? `, dated ${scope.from ?? '…'} to ${scope.to ?? '…'}` : '';
  const types = scope.types ? `, ${scope.types.join(', ')} only` : '';
  return `guanxi export: ${what} ${of}${window}${types}`;
}

export function scopeFilters(scope: ExportScope): Record<string, string | number | boolean | string[] | null> {
  return {
    scope: scope.kind,
    ids: scope.kind === 'whole' ? null : scope.ids,
    depth: scope.kind === 'ego' ? scope.depth : null,
    limit: scope.kind === 'ego' ? scope.limit : null,
    from: scope.from,
    to: scope.to,
    types: scope.types,
    articles: scope.articles,
  };
}
