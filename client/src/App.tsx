import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeType } from '@guanxi/shared';
import { NODE_TYPES } from '@guanxi/shared';
import type { SearchHit } from './api/queries.ts';
import { errorMessage } from './api/graphql.ts';
import { GraphCanvas } from './graph/GraphCanvas.tsx';
import type { CanvasSummary } from './graph/GraphView.ts';
import { HANDLE_TYPE } from './graph/canvasState.ts';
import { visibleGraph } from './graph/elements.ts';
import { exportGraph, pngFilename, saveBlob, type ExportFormat } from './export/download.ts';
import { ContextMenu, type MenuTarget } from './components/ContextMenu.tsx';
import { Header } from './components/Header.tsx';
import { Messages } from './components/Messages.tsx';
import { PathPanel } from './components/PathPanel.tsx';
import { TimeSlicer } from './components/TimeSlicer.tsx';
import { ViewsPanel } from './components/ViewsPanel.tsx';
import { DetailPanel } from './panels/DetailPanel.tsx';
import { EmptyState } from './panels/EmptyState.tsx';
import { MetricsPanel } from './panels/MetricsPanel.tsx';
import { Sidebar } from './panels/Sidebar.tsx';
import { selectionForNode, type PanelActions } from './panels/selection.ts';
import { useSelection } from './panels/useSelection.ts';
import { useShortcuts, useUrlView, useWorkbench } from './workbench/hooks.ts';
import type { NodeRef } from './workbench/Workbench.ts';

const EMPTY_SUMMARY: CanvasSummary = {
  nodes: 0,
  edges: 0,
  visibleNodes: 0,
  visibleEdges: 0,
  byType: Object.fromEntries(NODE_TYPES.map((t) => [t, 0])) as Record<NodeType, number>,
};

/** The page: header (search, view, undo, language) over tools | canvas | details. State lives in the Workbench. */
export function App() {
  const { t } = useTranslation();
  const [workbench, state] = useWorkbench();
  const [summary, setSummary] = useState<CanvasSummary>(EMPTY_SUMMARY);
  const [menu, setMenu] = useState<MenuTarget>();
  const [pathFrom, setPathFrom] = useState<NodeRef>();
  const [pathTo, setPathTo] = useState<NodeRef>();
  const { selection, open, back, canGoBack } = useSelection(workbench);
  useUrlView(workbench);
  useShortcuts(workbench);

  const nodeRef = useCallback((id: string): NodeRef | undefined => {
    const node = workbench.cy?.getElementById(id);
    return node && node.nonempty() ? { id, type: String(node.data('type')), label: String(node.data('label') ?? id) } : undefined;
  }, [workbench]);

  const pick = useCallback(
    async (hit: SearchHit) => {
      await workbench.expand(hit.id);
      open(selectionForNode(hit.id, hit.type));
    },
    [workbench, open],
  );

  const actions: PanelActions = {
    open,
    expand: (id) => void workbench.expand(id),
    add: (id) => void workbench.add([id]).then(() => workbench.focus(id)),
  };

  const onExport = async (format: ExportFormat) => {
    const cy = workbench.cy;
    if (!cy) return;
    try {
      if (format === 'png') saveBlob(await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }), pngFilename());
      else await exportGraph(visibleGraph(cy), format);
    } catch (e) {
      workbench.say({ kind: 'error', key: 'export.failed', params: { message: errorMessage(e) } });
    }
  };

  const toggleType = (type: NodeType) => {
    const next = new Set(state.hiddenTypes);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    workbench.setHiddenTypes(next);
  };

  const clear = () => {
    const count = summary.nodes;
    if (count > 0 && window.confirm(t('canvas.clearConfirm', { count }))) workbench.clear();
  };

  const loading = state.pending > 0 ? (state.mode === 'connections' ? t('app.loadingConnections') : t('app.loadingNeighbourhood')) : undefined;
  return (
    <div className="app">
      <Header
        mode={state.mode}
        busy={state.pending > 0}
        canUndo={state.canUndo}
        canRedo={state.canRedo}
        onPick={(hit) => void pick(hit)}
        onMode={(mode) => void workbench.switchMode(mode)}
        onUndo={() => workbench.undo()}
        onRedo={() => workbench.redo()}
      />

      <aside className="panel left" aria-label={t('layout.tools')}>
        <Sidebar
          summary={summary}
          hiddenTypes={state.hiddenTypes}
          hidden={state.hidden}
          pinned={state.pinned}
          onToggleType={toggleType}
          onRemoveSelected={() => workbench.removeSelected()}
          onHideSelected={() => workbench.hideSelected()}
          onShow={(ids) => workbench.hide(ids, false)}
          onUnpin={(ids) => workbench.pin(ids, false)}
          onClear={clear}
          onFit={() => workbench.fit()}
          onZoomSelection={() => workbench.zoomToSelection()}
          onRelayout={() => workbench.relayout()}
          onExport={(format) => void onExport(format)}
        />
        <PathPanel
          from={pathFrom}
          to={pathTo}
          selected={() => {
            const node = workbench.cy?.$('node:selected').first();
            return node && node.nonempty() ? nodeRef(node.id()) : undefined;
          }}
          setFrom={setPathFrom}
          setTo={setPathTo}
          onFound={(found, fromId) => workbench.showPaths(found, fromId)}
          open={open}
        />
        <ViewsPanel
          current={() => workbench.currentView()}
          onOpen={(view) => void workbench.restore(view, false)}
          onError={(message) => workbench.say({ kind: 'error', key: 'app.failed', detail: message })}
        />
        <MetricsPanel view={() => workbench.graphView()} summary={summary} onAdd={(id) => void workbench.expand(id)} />
      </aside>

      <main className="canvas-area">
        <GraphCanvas
          onReady={(view) => workbench.attach(view)}
          onTapNode={(id, type) => {
            if (type === HANDLE_TYPE) return void workbench.more(id);
            open(selectionForNode(id, type), true);
          }}
          onTapEdge={(id) => {
            if (!id.startsWith('more:')) open({ kind: 'edge', id }, true);
          }}
          onDoubleTapNode={(id) => {
            if (!id.startsWith('more:')) void workbench.expand(id);
          }}
          onContextNode={(id, type, at) => {
            if (type === HANDLE_TYPE) return;
            const node = workbench.cy?.getElementById(id);
            setMenu({ id, type, at, label: String(node?.data('label') ?? id), pinned: !!node?.hasClass('pinned') });
          }}
          onChange={setSummary}
        />
        {summary.nodes === 0 && state.pending === 0 && <EmptyState retryKey={0} />}
        <Messages loading={loading} notice={state.notice} onDismiss={() => workbench.say(undefined)} />
        <TimeSlicer from={state.from} to={state.to} onChange={(from, to, commit) => workbench.setWindow(from, to, commit)} />
        {menu && (
          <ContextMenu
            target={menu}
            connectionsView={state.mode === 'connections'}
            onClose={() => setMenu(undefined)}
            actions={{
              expand: (id, filter) => void workbench.expand(id, filter),
              hide: (id) => workbench.hide([id]),
              pin: (id, pinned) => workbench.pin([id], pinned),
              pathFrom: (id) => setPathFrom(nodeRef(id)),
              pathTo: (id) => setPathTo(nodeRef(id)),
              details: (id, type) => open(selectionForNode(id, type)),
              remove: (id) => workbench.remove([id]),
            }}
          />
        )}
      </main>

      <DetailPanel selection={selection} canGoBack={canGoBack} onBack={back} actions={actions} />
    </div>
  );
}
