import { useTranslation } from 'react-i18next';
import type { NodeType } from '@guanxi/shared';
import { NODE_TYPES } from '@guanxi/shared';
import type { CanvasSummary } from '../graph/GraphView.ts';
import { EXPORT_MENU, type ExportFormat } from '../export/download.ts';
import type { NodeRef } from '../workbench/Workbench.ts';
import { TypeShape } from './TypeChip.tsx';

interface Props {
  summary: CanvasSummary;
  hiddenTypes: ReadonlySet<NodeType>;
  hidden: NodeRef[];
  pinned: NodeRef[];
  onToggleType: (type: NodeType) => void;
  onRemoveSelected: () => void;
  onHideSelected: () => void;
  onShow: (ids: string[]) => void;
  onUnpin: (ids: string[]) => void;
  onClear: () => void;
  onFit: () => void;
  onZoomSelection: () => void;
  onRelayout: () => void;
  onExport: (format: ExportFormat) => void;
}

// The menu lives with the export code (client/src/export/), which calls the server's /export.
const EXPORTS = EXPORT_MENU;

/** Type filters (doubling as the legend), canvas actions, hidden and pinned nodes, export. */
export function Sidebar(props: Props) {
  const { t } = useTranslation();
  const { summary, hiddenTypes } = props;
  const empty = summary.nodes === 0;
  return (
    <div className="sidebar-tools">
      <section aria-label={t('canvas.nodeTypes')}>
        <h3>{t('canvas.nodeTypes')}</h3>
        <ul className="type-filters" data-testid="type-filters">
          {NODE_TYPES.map((type) => (
            <li key={type}>
              <label>
                <input type="checkbox" checked={!hiddenTypes.has(type)} onChange={() => props.onToggleType(type)} />
                <TypeShape type={type} size={14} />
                <span>{t(`type.${type}`)}</span>
                <span className="count">{summary.byType[type]}</span>
              </label>
            </li>
          ))}
        </ul>
        <ul className="edge-legend" aria-label={t('canvas.edgeTypes')}>
          <li><span className="line together" /> {t('canvas.legendTogether')}</li>
          <li><span className="line mentions" /> {t('canvas.legendMentions')}</li>
          <li><span className="line holds" /> {t('canvas.legendHolds')}</li>
          <li><span className="line wrote" /> {t('canvas.legendWrote')}</li>
          <li><span className="line dotted" /> {t('canvas.legendPart')}</li>
        </ul>
      </section>

      <section aria-label={t('canvas.heading')}>
        <h3>{t('canvas.heading')}</h3>
        <p className="muted small" data-testid="canvas-counts">
          {t('canvas.counts', { nodes: summary.nodes, edges: summary.edges, visibleNodes: summary.visibleNodes, visibleEdges: summary.visibleEdges })}
        </p>
        <div className="button-row">
          <button type="button" onClick={props.onFit} disabled={empty}>{t('canvas.fit')}</button>
          <button type="button" onClick={props.onZoomSelection} disabled={empty}>{t('canvas.zoomSelection')}</button>
          <button type="button" onClick={props.onRelayout} disabled={empty}>{t('canvas.relayout')}</button>
          <button type="button" onClick={props.onHideSelected} disabled={empty}>{t('canvas.hideSelected')}</button>
          <button type="button" onClick={props.onRemoveSelected} disabled={empty} title={t('canvas.removeSelectedTitle')}>
            {t('canvas.removeSelected')}
          </button>
          <button type="button" className="danger" onClick={props.onClear} disabled={empty}>{t('canvas.clear')}</button>
        </div>
        {props.hidden.length > 0 && (
          <>
            <h3>
              {t('canvas.hidden', { count: props.hidden.length })}{' '}
              <button type="button" className="link small" onClick={() => props.onShow(props.hidden.map((n) => n.id))}>
                {t('canvas.showAll')}
              </button>
            </h3>
            <ul className="plain-list node-list hidden-list" data-testid="hidden-list">
              {props.hidden.map((n) => (
                <li key={n.id}>
                  <span className="greyed">{n.label}</span>
                  <button type="button" className="link small" onClick={() => props.onShow([n.id])}>{t('canvas.show')}</button>
                </li>
              ))}
            </ul>
          </>
        )}
        {props.pinned.length > 0 && (
          <>
            <h3>{t('canvas.pinned', { count: props.pinned.length })}</h3>
            <ul className="plain-list node-list" data-testid="pinned-list">
              {props.pinned.map((n) => (
                <li key={n.id}>
                  <span>📌 {n.label}</span>
                  <button type="button" className="link small" onClick={() => props.onUnpin([n.id])}>{t('canvas.unpin')}</button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-label={t('export.heading')}>
        <h3>{t('export.heading')}</h3>
        <div className="button-row">
          {EXPORTS.map((e) => (
            <button key={e.format} type="button" title={t(`export.${e.format}`)} disabled={summary.visibleNodes === 0} onClick={() => props.onExport(e.format)} data-testid={`export-${e.format}`}>
              {e.label}
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
