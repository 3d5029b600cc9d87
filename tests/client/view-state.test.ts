import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, parseView, viewFromSearch, viewToJson, viewToSearch, ViewFormatError, type ViewState } from '../../client/src/workbench/viewState.ts';
import { deleteNamedView, loadNamedViews, saveNamedView } from '../../client/src/workbench/namedViews.ts';
import { UndoStack } from '../../client/src/workbench/undo.ts';

const VIEW: ViewState = {
  mode: 'articles',
  nodes: ['Person:王新亭', 'Organization:高新区管委会', 'Article:abc'],
  pins: { 'Person:王新亭': [120, -40] },
  hidden: ['Organization:高新区管委会'],
  hiddenTypes: ['Place'],
  from: '2020-05-01',
  to: '2020-05-31',
};

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage;
}

describe('view state', () => {
  it('round-trips through the URL and through JSON', () => {
    const search = viewToSearch(VIEW);
    expect(search).toMatch(/^\?v=[A-Za-z0-9+\-$]+$/);
    expect(viewFromSearch(search)).toEqual(VIEW);
    expect(parseView(JSON.parse(viewToJson(VIEW)))).toEqual(VIEW);
  });

  it('keeps the empty view out of the URL and reads a bare URL as no view', () => {
    expect(viewToSearch(EMPTY_VIEW)).toBe('');
    expect(viewFromSearch('')).toBeUndefined();
  });

  it('refuses damaged or foreign input, naming what is wrong', () => {
    expect(() => viewFromSearch('?v=%%%')).toThrow(ViewFormatError);
    expect(() => parseView({ version: 2 })).toThrow(/version/);
    expect(() => parseView({ version: 1, mode: 'tree' })).toThrow(/mode/);
    expect(() => parseView({ version: 1, nodes: [1] })).toThrow(/nodes/);
    expect(() => parseView({ version: 1, hiddenTypes: ['Planet'] })).toThrow(/Planet/);
    expect(() => parseView({ version: 1, pins: { a: [1] } })).toThrow(/pins\.a/);
    expect(() => parseView({ version: 1, from: 'May' })).toThrow(/from/);
  });

  it('keeps named views, newest first, replacing one of the same name', () => {
    const storage = memoryStorage();
    saveNamedView('one', VIEW, storage, new Date('2026-01-01'));
    saveNamedView('two', EMPTY_VIEW, storage, new Date('2026-01-02'));
    saveNamedView('one', { ...VIEW, nodes: ['Person:x'] }, storage, new Date('2026-01-03'));
    const views = loadNamedViews(storage);
    expect(views.map((v) => v.name)).toEqual(['one', 'two']);
    expect(views[0]!.view.nodes).toEqual(['Person:x']);
    expect(deleteNamedView('one', storage).map((v) => v.name)).toEqual(['two']);
  });
});

describe('UndoStack', () => {
  it('undoes, redoes, forgets the redo branch on a new step and keeps at most `limit` steps', () => {
    const stack = new UndoStack(0, 3);
    for (const n of [1, 2, 3, 4]) stack.push(n);
    expect(stack.undo()).toBe(3);
    expect(stack.redo()).toBe(4);
    stack.undo();
    stack.push(9);
    expect(stack.canRedo).toBe(false);
    expect([stack.undo(), stack.undo(), stack.undo(), stack.undo()]).toEqual([3, 2, 1, undefined]);
  });
});
