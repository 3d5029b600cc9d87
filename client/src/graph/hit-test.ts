/**
 * Which node a click or hover means when nodes overlap on screen. Cytoscape's canvas renderer
 * takes the first node in drawing order whose body, widened by 2 screen pixels, holds the
 * pointer — the last one added wins. Zoomed out on thousands of nodes, 2 screen pixels are
 * 14 model units at zoom 0.14, and the big nodes (the hubs, added first) have smaller
 * neighbours lying partly over them: a click on a hub's centre selected a neighbour 15–38
 * units away (14 of the 40 most mentioned nodes at 5,000 nodes, bench:ui's "wrong node").
 * Here, of the nodes under the pointer, the one nearest its own centre (distance over radius)
 * wins, so a click on a node's centre selects that node, whatever lies over its rim.
 */
import type cytoscape from 'cytoscape';

type Element = cytoscape.SingularElementArgument;

/** What this module needs of Cytoscape's renderer (not in @types/cytoscape). */
interface Renderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): Element[];
  getCachedZSortedEles(): Element[] & { interactive: Element[] };
}

/**
 * Of the `candidates` (drawing order, last on top), the node whose body holds (x, y) nearest to
 * its centre relative to its radius, widened by `slack` model units; the topmost on a tie.
 */
export function centredNode(candidates: readonly Element[], x: number, y: number, slack: number): cytoscape.NodeSingular | undefined {
  let best: cytoscape.NodeSingular | undefined;
  let bestScore = Infinity;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const ele = candidates[i]!;
    if (!ele.isNode()) continue;
    const p = ele.position();
    const r = ele.outerWidth() / 2 + slack;
    const dx = x - p.x;
    const dy = y - p.y;
    // Box first: most nodes are far away, and the square root only for the few near.
    if (dx > r || dx < -r || dy > r || dy < -r) continue;
    const score = Math.sqrt(dx * dx + dy * dy) / r;
    if (score <= 1 && score < bestScore) {
      best = ele;
      bestScore = score;
    }
  }
  return best;
}

/** Replaces the canvas renderer's choice of node under the pointer (not the WebGL one: it picks by pixel). */
export function installCentredHitTest(cy: cytoscape.Core): void {
  const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
  const original = renderer.findNearestElements.bind(renderer);
  renderer.findNearestElements = (x, y, interactiveOnly, isTouch) => {
    const near = original(x, y, interactiveOnly, isTouch);
    const eles = renderer.getCachedZSortedEles();
    const slack = (isTouch ? 8 : 2) / cy.zoom();
    // Cytoscape's own node when the pointer is on a square's corner, outside the circle tested
    // here. The circle also catches what Cytoscape's polygon test misses: the exact centre of
    // a diamond (its ray runs through two corners), where it answered an edge passing under it.
    const node = centredNode(interactiveOnly ? eles.interactive : eles, x, y, slack) ?? near.find((ele) => ele.isNode());
    if (!node) return near;
    // The node first: a node under the pointer takes the click over an edge passing it.
    return [node, ...near.filter((ele) => !ele.isNode())];
  };
}
