/**
 * Which element is under the pointer, for both renderers. WebGL's own picking reads the topmost
 * element drawn at the pixel, which has the same fault as the canvas test below (bench:ui at 500 and
 * 2,000 nodes on WebGL: "wrong node"); it is replaced too.
 *
 * Right node: Cytoscape takes the first node in drawing order whose body, widened by 2 screen
 * pixels, holds the pointer — the last one added wins. Zoomed out on thousands of nodes, 2 screen
 * pixels are 14 model units at zoom 0.14, and the hubs (added first) have smaller neighbours
 * lying over their rims: a click on a hub's centre selected a neighbour 15–38 units away (14 of
 * the 40 most mentioned nodes at 5,000 nodes, bench:ui's "wrong node"). Here, of the nodes under
 * the pointer, the one nearest its own centre (distance over its half-size) wins, so a click on
 * a node's centre selects that node whatever lies over its rim.
 *
 * Fast: Cytoscape's test computes every element's bounding box to look for clickable labels
 * (ours are not: `text-events` is off), ≈ 120 ms a call over 20,000 elements, and a click makes
 * three calls (move, down, up), a hover one a mouse move. Here nodes are tested by position and
 * size, straight edges (a big canvas's haystack lines) by distance to their drawn segments;
 * anything else (curved edges) is left to Cytoscape's own test.
 */
import type cytoscape from 'cytoscape';

type Element = cytoscape.SingularElementArgument;

/** What this module needs of Cytoscape's renderer (not in @types/cytoscape). */
interface Renderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): Element[];
  getCachedZSortedEles(): Element[] & { interactive: Element[] };
}

/** An element's parsed style property (not in @types/cytoscape). */
function pstyle(ele: Element, name: string): { value: unknown; pfValue: number } {
  return (ele as unknown as { pstyle(name: string): { value: unknown; pfValue: number } }).pstyle(name);
}

/** Distance from a node's centre in units of its half-size, in the norm of its shape (≤ 1: inside). */
function reach(shape: string, dx: number, dy: number, hw: number, hh: number): number {
  const u = Math.abs(dx) / hw;
  const v = Math.abs(dy) / hh;
  if (shape === 'diamond') return u + v;
  if (shape.endsWith('rectangle')) return Math.max(u, v);
  // Ellipses, and the polygons (hexagon) near enough to them.
  return Math.sqrt(u * u + v * v);
}

/**
 * Of the `candidates` (drawing order, last on top), the node whose body, widened by `slack`
 * model units, holds (x, y) nearest to its centre relative to its size; the topmost on a tie.
 */
export function centredNode(candidates: readonly Element[], x: number, y: number, slack: number): cytoscape.NodeSingular | undefined {
  let best: cytoscape.NodeSingular | undefined;
  let bestReach = Infinity;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const ele = candidates[i]!;
    if (!ele.isNode()) continue;
    const p = ele.position();
    const dx = x - p.x;
    const dy = y - p.y;
    const hw = ele.outerWidth() / 2 + slack;
    const hh = ele.outerHeight() / 2 + slack;
    // Most nodes are far away: a box test before anything else.
    if (dx > hw || dx < -hw || dy > hh || dy < -hh) continue;
    const r = reach(String(pstyle(ele, 'shape').value), dx, dy, hw, hh);
    if (r <= 1 && r < bestReach) {
      best = ele;
      bestReach = r;
    }
  }
  return best;
}

/** Squared distance from (x, y) to the segment (x1, y1)–(x2, y2). */
function segmentDistanceSq(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
  const ex = x - (x1 + t * dx);
  const ey = y - (y1 + t * dy);
  return ex * ex + ey * ey;
}

const STRAIGHT = new Set(['straight', 'haystack', 'segments']);

/**
 * The edge drawn nearest (x, y), within its half-width plus `slack`; `null` when none is, and
 * `undefined` when an edge is curved (or not drawn yet) and only Cytoscape can tell.
 */
export function nearestStraightEdge(candidates: readonly Element[], x: number, y: number, slack: number): cytoscape.EdgeSingular | null | undefined {
  let best: cytoscape.EdgeSingular | null = null;
  let bestSq = Infinity;
  for (const ele of candidates) {
    if (!ele.isEdge()) continue;
    const rs = (ele as unknown as { _private: { rscratch: { edgeType?: string; allpts?: number[] } } })._private.rscratch;
    const pts = rs.allpts;
    if (!pts || !rs.edgeType || !STRAIGHT.has(rs.edgeType)) return undefined;
    const width = pstyle(ele, 'width').pfValue / 2 + slack;
    for (let i = 0; i + 3 < pts.length; i += 2) {
      const x1 = pts[i]!;
      const y1 = pts[i + 1]!;
      const x2 = pts[i + 2]!;
      const y2 = pts[i + 3]!;
      if (x < Math.min(x1, x2) - width || x > Math.max(x1, x2) + width || y < Math.min(y1, y2) - width || y > Math.max(y1, y2) + width) continue;
      const sq = segmentDistanceSq(x, y, x1, y1, x2, y2);
      if (sq < width * width && sq < bestSq) {
        best = ele;
        bestSq = sq;
      }
    }
  }
  return best;
}

export function installHitTest(cy: cytoscape.Core): void {
  const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
  const original = renderer.findNearestElements.bind(renderer);
  // Cytoscape's callers read only the first element of the answer.
  renderer.findNearestElements = (x, y, interactiveOnly, isTouch) => {
    const all = renderer.getCachedZSortedEles();
    const eles = interactiveOnly ? all.interactive : all;
    const zoom = cy.zoom();
    // Cytoscape's own slack: 2 screen pixels around a node (8 on touch), 8 around an edge (24).
    const node = centredNode(eles, x, y, (isTouch ? 8 : 2) / zoom);
    if (node) return [node];
    const edge = nearestStraightEdge(eles, x, y, (isTouch ? 24 : 8) / zoom);
    if (edge === undefined) return original(x, y, interactiveOnly, isTouch);
    return edge ? [edge] : [];
  };
}
