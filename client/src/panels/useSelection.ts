import { useCallback, useState } from 'react';
import type { Workbench } from '../workbench/Workbench.ts';
import type { Selection } from './selection.ts';

/** What the details panel shows, with a Back history; opening an item selects it on the canvas too. */
export function useSelection(workbench: Workbench) {
  const [history, setHistory] = useState<Selection[]>([]);
  const open = useCallback(
    (next: Selection, fromCanvas = false) => {
      setHistory((h) => {
        const last = h.at(-1);
        if (last && last.kind === next.kind && last.id === next.id) return h;
        return [...h.slice(-49), next];
      });
      if (!fromCanvas) focus(workbench, next.id);
    },
    [workbench],
  );
  const back = useCallback(() => {
    setHistory((h) => {
      const previous = h.at(-2);
      if (previous) focus(workbench, previous.id);
      return h.slice(0, -1);
    });
  }, [workbench]);
  return { selection: history.at(-1), open, back, canGoBack: history.length > 1 };
}

function focus(workbench: Workbench, id: string): void {
  workbench.focus(id);
}
