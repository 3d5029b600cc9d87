/**
 * fcose layout, run incrementally: nodes already on the canvas keep roughly their place
 * (the user has built a mental map of them) and newcomers are seeded around the node they
 * were expanded from, so the layout only has to settle them instead of reshuffling everything.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { shownElements } from './elements.ts';

let registered = false;
export function registerFcose(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/** The fcose options we use; the package has no types of its own. */
interface FcoseOptions extends cytoscape.BaseLayoutOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean | 'end';
  animationDuration: number;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  packComponents: boolean;
  nodeRepulsion: (node: cytoscape.NodeSingular) => number;
  idealEdgeLength: (edge: cytoscape.EdgeSingular) => number;
  edgeElasticity: (edge: cytoscape.EdgeSingular) => number;
  nodeSeparation: number;
  gravity: number;
  numIter: number;
}

/** Put new nodes on a ring around `anchor` (or right of the existing drawing) before layout. */
export function seedPositions(cy: cytoscape.Core, added: cytoscape.NodeCollection, anchorId?: string): void {
  if (added.empty()) return;
  const anchor = anchorId ? cy.getElementById(anchorId) : undefined;
  const old = cy.nodes().difference(added);
  let center: cytoscape.Position;
  if (anchor && anchor.nonempty() && !added.contains(anchor)) {
    center = { ...anchor.position() };
  } else if (old.nonempty()) {
    const box = old.boundingBox({});
    center = { x: box.x2 + 250, y: (box.y1 + box.y2) / 2 };
  } else {
    center = { x: 0, y: 0 };
  }
  const ring = added.filter((n) => n.id() !== anchorId);
  const radius = 80 + 6 * Math.sqrt(ring.length) * 10;
  if (anchor && added.contains(anchor)) anchor.position(center);
  ring.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(ring.length, 1);
    node.position({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
  });
}

export function runLayout(cy: cytoscape.Core, opts: { randomize: boolean }): cytoscape.Layouts {
  const shown = shownElements(cy);
  const visible = shown.nodes.union(shown.edges);
  const options: FcoseOptions = {
    name: 'fcose',
    quality: visible.nodes().length > 400 ? 'draft' : 'default',
    randomize: opts.randomize,
    // Animating hundreds of nodes is janky; jump to the end state for big graphs.
    animate: visible.nodes().length > 300 ? 'end' : true,
    animationDuration: 450,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    // Articles are many and similar; give entities more room than the articles around them.
    nodeRepulsion: (node) => (node.data('type') === 'Article' ? 4500 : 9000),
    idealEdgeLength: (edge) => (edge.data('type') === 'MENTIONS' ? 70 : 110),
    edgeElasticity: (edge) => (edge.data('type') === 'MENTIONS' ? 0.3 : 0.45),
    nodeSeparation: 80,
    gravity: 0.3,
    numIter: 2500,
  };
  const layout = visible.layout(options as unknown as cytoscape.LayoutOptions);
  layout.run();
  return layout;
}
