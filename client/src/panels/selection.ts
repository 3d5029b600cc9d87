import type { NodeType } from '@guanxi/shared';

/** What the right-hand panel shows. */
export type Selection =
  | { kind: 'entity'; id: string }
  | { kind: 'article'; id: string }
  | { kind: 'edge'; id: string };

export function selectionForNode(id: string, type: NodeType | string): Selection {
  return type === 'Article' ? { kind: 'article', id } : { kind: 'entity', id };
}

/** Actions panels can take; the App implements them against the canvas and the history. */
export interface PanelActions {
  open: (selection: Selection) => void;
  /** Adds the node and its 1-hop neighbourhood to the canvas. */
  expand: (id: string) => void;
  /** Puts the node alone on the canvas, linked to what is already there. */
  add: (id: string) => void;
}
