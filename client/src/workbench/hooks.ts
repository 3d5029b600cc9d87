/** The React side of the workbench: its state, the URL, keyboard shortcuts. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Workbench, type WorkbenchState } from './Workbench.ts';
import { viewFromSearch, viewToSearch, EMPTY_VIEW } from './viewState.ts';

export function useWorkbench(): [Workbench, WorkbenchState] {
  const [workbench] = useState(() => new Workbench());
  const state = useSyncExternalStore(workbench.subscribe, workbench.getState);
  return [workbench, state];
}

/**
 * The URL holds the view: each committed change is a history entry (so Back undoes a step of
 * exploration and a copied link shows the same canvas); loading or going Back/Forward restores it.
 */
export function useUrlView(workbench: Workbench): void {
  useEffect(() => {
    workbench.onCommit = (view, fromRestore) => {
      const search = viewToSearch(view);
      if (search === window.location.search) return;
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (fromRestore) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    };
    const load = () => {
      try {
        const view = viewFromSearch(window.location.search);
        if (view) void workbench.restore(view);
        else if (workbench.currentView().nodes.length > 0) void workbench.restore({ ...EMPTY_VIEW, mode: workbench.getState().mode });
      } catch (error) {
        workbench.say({ kind: 'error', key: 'canvas.restoreFailed', params: { message: error instanceof Error ? error.message : String(error) } });
      }
    };
    load();
    window.addEventListener('popstate', load);
    return () => {
      window.removeEventListener('popstate', load);
      workbench.onCommit = () => {};
    };
  }, [workbench]);
}

const typing = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
};

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo, Delete removes, Escape unselects — unless the user is typing. */
export function useShortcuts(workbench: Workbench): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) workbench.redo();
        else workbench.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        workbench.redo();
      } else if (event.key === 'Delete' || event.key === 'Backspace') workbench.removeSelected();
      else if (event.key === 'Escape') workbench.cy?.$(':selected').unselect();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workbench]);
}
