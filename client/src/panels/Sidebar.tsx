import type { NodeType } from '@guanxi/shared';
import { NODE_TYPES } from '@guanxi/shared';
import type { CanvasSummary } from '../graph/GraphView.ts';
import { EXPORT_MENU, type ExportFormat } from '../export/download.ts';
import { TypeShape } from './TypeChip.tsx';

interface Props {
  summary: CanvasSummary;
  hiddenTypes: ReadonlySet<NodeType>;
  onToggleType: (type: NodeType) => void;
  onRemoveSelected: () => void;
  onClear: () => void;
  onFit: () => void;
  onRelayout: () => void;
  onExport: (format: ExportFormat) => void;
}

// The menu lives with the export code (client/src/export/), which calls the server's /export.
const EXPORTS = EXPORT_MENU;

/** Type filters (doubling as the legend), canvas actions and export. */
export function Sidebar(props: Props) {
  const { summary, hiddenTypes } = props;
  const empty = summary.nodes === 0;
  return (
    <div className="sidebar-tools">
      <section aria-label="Node types">
        <h3>Node types</h3>
        <ul className="type-filters" data-testid="type-filters">
          {NODE_TYPES.map((type) => (
            <li key={type}>
              <label>
                <input type="checkbox" checked={!hiddenTypes.has(type)} onChange={() => props.onToggleType(type)} />
                <TypeShape type={type} size={14} />
                <span>{type}</span>
                <span className="count">{summary.byType[type]}</span>
              </label>
            </li>
          ))}
        </ul>
        <ul className="edge-legend" aria-label="Edge types">
          <li><span className="line together" /> named together (wider: more sentences)</li>
          <li><span className="line mentions" /> mentions</li>
          <li><span className="line holds" /> holds position (title)</li>
          <li><span className="line wrote" /> wrote</li>
          <li><span className="line dotted" /> part of / located in</li>
        </ul>
      </section>

      <section aria-label="Canvas">
        <h3>Canvas</h3>
        <p className="muted small" data-testid="canvas-counts">
          {summary.visibleNodes} of {summary.nodes} nodes, {summary.visibleEdges} of {summary.edges} edges visible
        </p>
        <div className="button-row">
          <button type="button" onClick={props.onFit} disabled={empty}>Fit</button>
          <button type="button" onClick={props.onRelayout} disabled={empty}>Re-layout</button>
          <button type="button" onClick={props.onRemoveSelected} disabled={empty} title="Remove the selected nodes and edges (Delete key)">
            Remove selected
          </button>
          <button type="button" className="danger" onClick={props.onClear} disabled={empty}>Clear</button>
        </div>
      </section>

      <section aria-label="Export">
        <h3>Export visible graph</h3>
        <div className="button-row">
          {EXPORTS.map((e) => (
            <button key={e.format} type="button" title={e.title} disabled={summary.visibleNodes === 0} onClick={() => props.onExport(e.format)}>
              {e.label}
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
