/**
 * Which node labels to show at a zoom: pure logic, no Cytoscape, so it is unit-tested.
 *
 * The rule: go through the nodes from the most important (weight = mentions, then number of
 * links) down, and keep a label if its box, as drawn at this zoom, overlaps no label already
 * kept. Zoomed out, boxes are large against the drawing, so only the top nodes are labelled
 * (the most important one always is); zooming in makes room for the rest. Labels never drop
 * below a readable size on screen: when the zoom would make them smaller, they are drawn
 * larger in model space, in steps of LOD_SCALE_STEP (labelScale, written into the node's data).
 */

/** Growth of the label font from one scale step to the next. */
export const LOD_SCALE_STEP = 1.3;
/** Steps up: enough to keep labels readable down to the canvas's minimum zoom (0.05). */
export const LOD_SCALE_STEPS = 12;
/**
 * Steps down: zoomed in, labels keep about their screen size instead of growing with the
 * drawing, which is what makes room for more of them (down to the canvas's maximum zoom, 4).
 */
export const LOD_SCALE_DOWN = 5;
/** The smallest label, in screen pixels, worth drawing. */
export const MIN_SCREEN_FONT = 10;

/**
 * What a labelled node carries in its data at a scale step, for the stylesheet to map
 * (style.ts): label font, width limit, gap and halo at that scale, and the hover label's.
 */
export interface LabelScale {
  lodStep: number;
  lodFont: number;
  lodWidth: number;
  lodMargin: number;
  lodPad: number;
  hoverFont: number;
  hoverWidth: number;
}

export function labelScale(step: number, article: boolean): LabelScale {
  const f = Math.pow(LOD_SCALE_STEP, step);
  return {
    lodStep: step,
    lodFont: (article ? 9 : 11) * f,
    lodWidth: (article ? 90 : 110) * f,
    lodMargin: 3 * f,
    lodPad: f,
    hoverFont: 12 * f,
    hoverWidth: 260 * f,
  };
}

export interface LabelCandidate {
  id: string;
  label: string;
  /** Model position of the node's centre and its diameter. */
  x: number;
  y: number;
  size: number;
  /** Model font size at scale step 0 (11 for entities, 9 for articles). */
  font: number;
  /** Text width limit at scale step 0, in model pixels. */
  maxWidth: number;
  weight: number;
  degree: number;
}

export interface LabelPlan {
  /** Nodes whose label is drawn. */
  shown: Set<string>;
  /** Scale step of the drawn labels (0: the stylesheet's own size). */
  step: number;
}

/** Most important first: weight, then links, then id so equal nodes keep a stable order. */
export function byImportance(a: LabelCandidate, b: LabelCandidate): number {
  return b.weight - a.weight || b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The scale step that keeps a `font`-pixel label at least MIN_SCREEN_FONT on screen at `zoom`. */
export function scaleStep(zoom: number, font = 11): number {
  if (!(zoom > 0)) return LOD_SCALE_STEPS;
  const needed = MIN_SCREEN_FONT / (font * zoom);
  const step = Math.ceil(Math.log(needed) / Math.log(LOD_SCALE_STEP) - 1e-9);
  return Math.max(-LOD_SCALE_DOWN, Math.min(LOD_SCALE_STEPS, step));
}

/** Rough text width: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string, font: number): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? font : 0.58 * font;
  return width;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The label's box in model space, under the node, as the stylesheet draws it. */
export function labelBox(c: LabelCandidate, scale: number): Box {
  const font = c.font * scale;
  const width = Math.min(textWidth(c.label, font), c.maxWidth * scale) + 2 * scale;
  const top = c.y + c.size / 2 + 3 * scale;
  return { x1: c.x - width / 2, y1: top, x2: c.x + width / 2, y2: top + font * 1.3 + 2 * scale };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * The labels to draw at `zoom`: greedy by importance, skipping any that would overlap one
 * already kept. A uniform grid of kept boxes makes each test look at a few neighbours only.
 */
export function planLabels(candidates: LabelCandidate[], zoom: number): LabelPlan {
  const step = scaleStep(zoom);
  const scale = Math.pow(LOD_SCALE_STEP, step);
  const ordered = [...candidates].sort(byImportance);
  const shown = new Set<string>();
  // A cell about the size of a typical label keeps every box in a handful of cells.
  const cell = Math.max(1, 11 * scale * 6);
  const grid = new Map<string, Box[]>();
  for (const c of ordered) {
    if (!c.label) continue;
    const box = labelBox(c, scale);
    const gx1 = Math.floor(box.x1 / cell);
    const gx2 = Math.floor(box.x2 / cell);
    const gy1 = Math.floor(box.y1 / cell);
    const gy2 = Math.floor(box.y2 / cell);
    let free = true;
    for (let gx = gx1; gx <= gx2 && free; gx++) {
      for (let gy = gy1; gy <= gy2 && free; gy++) {
        for (const other of grid.get(`${gx},${gy}`) ?? []) {
          if (overlaps(box, other)) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    shown.add(c.id);
    for (let gx = gx1; gx <= gx2; gx++) {
      for (let gy = gy1; gy <= gy2; gy++) {
        const key = `${gx},${gy}`;
        const list = grid.get(key);
        if (list) list.push(box);
        else grid.set(key, [box]);
      }
    }
  }
  return { shown, step };
}
