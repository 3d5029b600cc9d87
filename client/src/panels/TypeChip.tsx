import { useTranslation } from 'react-i18next';
import type { NodeType } from '@guanxi/shared';
import { NODE_COLORS, NODE_SHAPES, type NodeShape } from '@guanxi/shared';

const SHAPE_PATHS: Record<NodeShape, string> = {
  ellipse: 'M7 1a6 6 0 1 0 0.001 0z',
  'round-rectangle': 'M3 2h8a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z',
  diamond: 'M7 0.5 13.5 7 7 13.5 0.5 7z',
  hexagon: 'M3.5 1h7L14 7l-3.5 6h-7L0 7z',
  rectangle: 'M2 1.5h10v11H2z',
};

/** The node's canvas shape and colour, small, so lists and the legend match the graph. */
export function TypeShape({ type, size = 12 }: { type: NodeType; size?: number }) {
  return (
    <svg className="type-shape" width={size} height={size} viewBox="0 0 14 14" aria-hidden="true">
      <path d={SHAPE_PATHS[NODE_SHAPES[type]]} fill={NODE_COLORS[type]} />
    </svg>
  );
}

export function TypeChip({ type }: { type: NodeType }) {
  const { t } = useTranslation();
  return (
    <span className="type-chip" style={{ borderColor: NODE_COLORS[type] }} data-type={type}>
      <TypeShape type={type} size={10} />
      {t(`type.${type}`)}
    </span>
  );
}
