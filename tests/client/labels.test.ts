import { describe, expect, it } from 'vitest';
import {
  LOD_SCALE_DOWN,
  LOD_SCALE_STEP,
  LOD_SCALE_STEPS,
  MIN_SCREEN_FONT,
  labelBox,
  labelScale,
  planLabels,
  scaleStep,
  type LabelCandidate,
} from '../../client/src/graph/labels.ts';

function node(id: string, x: number, y: number, weight: number, label = id): LabelCandidate {
  return { id, label, x, y, size: 24, font: 11, maxWidth: 110, weight, degree: 0 };
}

/** A square grid of nodes `gap` apart, weight falling with the index. */
function grid(side: number, gap: number): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (let i = 0; i < side * side; i++) out.push(node(`n${i}`, (i % side) * gap, Math.floor(i / side) * gap, side * side - i, `名字${i}`));
  return out;
}

describe('scaleStep', () => {
  it('keeps chosen labels at least MIN_SCREEN_FONT on screen at every zoom the canvas allows', () => {
    for (const zoom of [0.05, 0.1, 0.3, 0.82, 1, 2, 4]) {
      const step = scaleStep(zoom);
      const screen = 11 * Math.pow(LOD_SCALE_STEP, step) * zoom;
      expect(screen).toBeGreaterThanOrEqual(MIN_SCREEN_FONT - 1e-9);
      // …and not much larger: one step more would already be too small.
      if (step > -LOD_SCALE_DOWN) expect(screen / LOD_SCALE_STEP).toBeLessThan(MIN_SCREEN_FONT);
    }
  });

  it('stays within the steps the canvas allows', () => {
    expect(scaleStep(0.001)).toBe(LOD_SCALE_STEPS);
    expect(scaleStep(100)).toBe(-LOD_SCALE_DOWN);
  });
});

describe('labelScale', () => {
  it("is the stylesheet's own sizes at step 0, and grows by LOD_SCALE_STEP a step", () => {
    expect(labelScale(0, false)).toEqual({ lodStep: 0, lodFont: 11, lodWidth: 110, lodMargin: 3, lodPad: 1, hoverFont: 12, hoverWidth: 260 });
    expect(labelScale(0, true)).toMatchObject({ lodFont: 9, lodWidth: 90 });
    const up = labelScale(3, false);
    expect(up.lodFont).toBeCloseTo(11 * LOD_SCALE_STEP ** 3);
    expect(up.hoverWidth).toBeCloseTo(260 * LOD_SCALE_STEP ** 3);
    expect(labelScale(-2, true).lodFont).toBeCloseTo(9 / LOD_SCALE_STEP ** 2);
  });
});

describe('planLabels', () => {
  it('labels the most important node at every zoom, however crowded', () => {
    const nodes = grid(30, 20);
    for (const zoom of [0.05, 0.2, 1, 4]) expect(planLabels(nodes, zoom).shown.has('n0')).toBe(true);
  });

  it('shows more labels as you zoom in, all of them when there is room', () => {
    const nodes = grid(30, 60);
    const counts = [0.05, 0.1, 0.3, 1, 2, 4].map((zoom) => planLabels(nodes, zoom).shown.size);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[0]).toBeLessThan(50);
    expect(counts.at(-1)).toBe(nodes.length);
  });

  it('never keeps two labels whose boxes overlap', () => {
    const nodes = grid(20, 25);
    for (const zoom of [0.1, 0.5, 1.5]) {
      const plan = planLabels(nodes, zoom);
      const scale = Math.pow(LOD_SCALE_STEP, plan.step);
      const boxes = nodes.filter((n) => plan.shown.has(n.id)).map((n) => labelBox(n, scale));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
        }
      }
    }
  });

  it('prefers the heavier of two overlapping nodes, and the better linked when weights tie', () => {
    const light = node('light', 0, 0, 1);
    const heavy = node('heavy', 5, 0, 9);
    expect([...planLabels([light, heavy], 1).shown]).toEqual(['heavy']);
    const a = { ...node('a', 0, 0, 3), degree: 1 };
    const b = { ...node('b', 5, 0, 3), degree: 7 };
    expect([...planLabels([a, b], 1).shown]).toEqual(['b']);
  });

  it('skips nodes without a label', () => {
    expect(planLabels([node('x', 0, 0, 5, '')], 1).shown.size).toBe(0);
  });
});
