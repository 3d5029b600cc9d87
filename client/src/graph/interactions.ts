/**
 * Small behaviours layered on the canvas, each installable on its own:
 * hover emphasis, neighbourhood focus on selection, and tap / double-tap callbacks.
 */
import type cytoscape from 'cytoscape';

/** Hovering shows an element's full label (labels are ellipsised otherwise). */
export function installHover(cy: cytoscape.Core): void {
  cy.on('mouseover', 'node, edge', (event) => {
    event.target.addClass('hover');
  });
  cy.on('mouseout', 'node, edge', (event) => {
    event.target.removeClass('hover');
  });
}

/**
 * Selecting one node fades everything not adjacent to it, to make its ties readable. Only
 * elements whose fade changes are touched, in one batch: a class change restyles an element,
 * which over thousands of elements is what a click costs. Returns the refresh, for a caller
 * that adds elements and wants them faded before they are first styled.
 */
export function installFocus(cy: cytoscape.Core, pendingEdges: () => readonly { source: string; target: string }[] = () => []): () => void {
  const refresh = (): void => {
    const selected = cy.$(':selected');
    let focus: cytoscape.CollectionReturnValue | undefined;
    if (selected.length === 1) {
      focus = selected.nodes().nonempty() ? selected.nodes().closedNeighborhood() : selected.union(selected.edges().connectedNodes());
    }
    const keep = focus ? new Set(focus.map((ele) => ele.id())) : undefined;
    // Edges not on the canvas yet (GraphView.addEdgesAfterPaint) already bring their neighbours into focus.
    if (keep && selected.length === 1 && selected.nodes().nonempty()) {
      const id = selected.id();
      for (const e of pendingEdges()) {
        if (e.source === id) keep.add(e.target);
        else if (e.target === id) keep.add(e.source);
      }
    }
    // Changed as two collections: a class change per element spawns a collection and queues a
    // restyle each, which over 8,000 elements cost more than the restyle itself.
    const fades = (ele: cytoscape.SingularElementArgument) => keep !== undefined && !keep.has(ele.id());
    const all = cy.elements();
    const on = all.filter((ele) => fades(ele) && !ele.hasClass('faded'));
    const off = all.filter((ele) => !fades(ele) && ele.hasClass('faded'));
    if (on.empty() && off.empty()) return;
    cy.batch(() => {
      on.addClass('faded');
      off.removeClass('faded');
    });
  };
  // select/unselect fire once per element; batch them into one refresh per frame.
  let pending = false;
  cy.on('select unselect remove', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!cy.destroyed()) refresh();
    });
  });
  return refresh;
}

export interface TapHandlers {
  onTapNode: (id: string, type: string) => void;
  onTapEdge: (id: string) => void;
  onDoubleTapNode: (id: string) => void;
  /** Right click (or long press) on a node, at page coordinates. */
  onContextNode: (id: string, type: string, at: { x: number; y: number }) => void;
}

export function installTaps(cy: cytoscape.Core, handlers: TapHandlers): void {
  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    handlers.onTapNode(node.id(), String(node.data('type')));
  });
  cy.on('tap', 'edge', (event) => {
    handlers.onTapEdge((event.target as cytoscape.EdgeSingular).id());
  });
  cy.on('dbltap', 'node', (event) => {
    handlers.onDoubleTapNode((event.target as cytoscape.NodeSingular).id());
  });
}

/** Right click on a node opens the workbench's menu; the browser's own menu is suppressed on the canvas. */
export function installContextMenu(cy: cytoscape.Core, handlers: TapHandlers): void {
  cy.on('cxttap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    const box = cy.container()?.getBoundingClientRect();
    const at = event.renderedPosition ?? node.renderedPosition();
    handlers.onContextNode(node.id(), String(node.data('type')), { x: (box?.left ?? 0) + at.x, y: (box?.top ?? 0) + at.y });
  });
  cy.container()?.addEventListener('contextmenu', (event) => event.preventDefault());
}
