/**
 * One colour and one shape per node type, shared by the canvas, the legend, the result chips,
 * mention highlights and the GEXF export, so a type looks the same everywhere.
 * Colours are from the Okabe–Ito palette (readable for the common colour-vision deficiencies);
 * the shape carries the type too, for print and greyscale.
 */
import type { EdgeType, NodeType } from './entities.ts';

export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'rectangle';

export const NODE_COLORS: Record<NodeType, string> = {
  Person: '#0072B2',
  Organization: '#E69F00',
  Place: '#009E73',
  Project: '#CC79A7',
  Article: '#8C939D',
};

export const NODE_SHAPES: Record<NodeType, NodeShape> = {
  Person: 'ellipse',
  Organization: 'round-rectangle',
  Place: 'diamond',
  Project: 'hexagon',
  Article: 'rectangle',
};

/** Short human names for edge types, used as edge labels and in the panel. */
export const EDGE_NAMES: Record<EdgeType, string> = {
  MENTIONS: 'mentions',
  WROTE: 'wrote',
  CO_MENTIONED: 'named together',
  HOLDS_POSITION: 'holds position',
  PART_OF: 'part of',
  LOCATED_IN: 'located in',
  MET: 'met',
  VISITED: 'visited',
  SIGNED: 'signed with',
  FOUNDED: 'founded',
  INVESTED_IN: 'invested in',
  DONATED_TO: 'donated to',
  PAIRED_WITH: 'paired with',
};

export function nodeColor(type: string): string {
  return NODE_COLORS[type as NodeType] ?? '#777777';
}
