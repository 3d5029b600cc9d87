/** Views saved by name in this browser (localStorage), newest first. */
import { parseView, viewToJson, type ViewState } from './viewState.ts';

export interface NamedView {
  name: string;
  saved: string;
  view: ViewState;
}

const KEY = 'guanxi.views';

export function loadNamedViews(storage: Pick<Storage, 'getItem'> = localStorage): NamedView[] {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '[]') as { name: unknown; saved: unknown; view: unknown }[];
    // One damaged entry (an older format) must not hide the others.
    return raw.flatMap((entry) => {
      try {
        return [{ name: String(entry.name), saved: String(entry.saved), view: parseView(entry.view) }];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** Saves under `name`, replacing a view of the same name. */
export function saveNamedView(name: string, view: ViewState, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage, now = new Date()): NamedView[] {
  const views = [{ name, saved: now.toISOString(), view }, ...loadNamedViews(storage).filter((v) => v.name !== name)];
  storage.setItem(KEY, JSON.stringify(views.map((v) => ({ ...v, view: JSON.parse(viewToJson(v.view)) as unknown }))));
  return views;
}

export function deleteNamedView(name: string, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): NamedView[] {
  const views = loadNamedViews(storage).filter((v) => v.name !== name);
  storage.setItem(KEY, JSON.stringify(views.map((v) => ({ ...v, view: JSON.parse(viewToJson(v.view)) as unknown }))));
  return views;
}
