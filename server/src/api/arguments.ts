import { createGraphQLError } from 'graphql-yoga';

/** Checks on arguments, each failing with a message that says what is allowed (BAD_USER_INPUT). */

export function badInput(message: string): never {
  throw createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) badInput(`${name} must be an integer from ${min} to ${max}; got ${value}`);
  return value;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A date bound as YYYY-MM-DD (a year or a month alone is widened to its first or last day). */
export function dateArg(name: string, value: string | null | undefined, end: 'start' | 'end'): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = value.trim();
  if (/^\d{4}$/.test(text)) return end === 'start' ? `${text}-01-01` : `${text}-12-31`;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return end === 'start' ? `${text}-01` : `${text}-31`;
  if (!ISO_DATE.test(text)) badInput(`${name} must be a date as YYYY-MM-DD (or YYYY-MM, YYYY); got ${JSON.stringify(value).slice(0, 40)}`);
  return text;
}

export function dateWindow(args: { from?: string | null; to?: string | null }): { from: string | null; to: string | null } {
  const window = { from: dateArg('from', args.from, 'start'), to: dateArg('to', args.to, 'end') };
  if (window.from && window.to && window.from > window.to) badInput(`from (${window.from}) is after to (${window.to})`);
  return window;
}
