/** Shared by the component tests: the interface in English, a fetch stub that answers GraphQL by operation name. */
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { i18n } from '../../client/src/i18n/index.ts';

export type Answer = (variables: Record<string, unknown>) => unknown;

/** Stubs fetch: each GraphQL operation (by name) gets `data` from its answer, or an error payload / a thrown error. */
export function stubGraphql(answers: Record<string, Answer>): { calls: { operation: string; variables: Record<string, unknown> }[] } {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: { body: string; signal?: AbortSignal }) => {
    const { query, variables } = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    const operation = /query (\w+)/.exec(query)?.[1] ?? '';
    calls.push({ operation, variables });
    const answer = answers[operation];
    if (!answer) throw new Error(`no stub for ${operation}`);
    const result = await answer(variables);
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { calls };
}

export async function english(): Promise<void> {
  await i18n.changeLanguage('en');
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
