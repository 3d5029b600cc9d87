import { useCallback, useEffect, useRef, useState } from 'react';
import type { NodeType } from '@guanxi/shared';
import { NODE_TYPES } from '@guanxi/shared';
import { connections, neighborhood, type SearchHit } from './api/queries.ts';
import { errorMessage } from './api/graphql.ts';
import { useSearch } from './api/useSearch.ts';
import { GraphCanvas } from './graph/GraphCanvas.tsx';
import type { CanvasSummary, GraphView } from './graph/GraphView.ts';
import { exportGraph, pngFilename, saveBlob, type ExportFormat } from './export/download.ts';
import { DetailPanel } from './panels/DetailPanel.tsx';
import { EmptyState } from './panels/EmptyState.tsx';
import { SearchResults } from './panels/SearchResults.tsx';
import { Sidebar } from './panels/Sidebar.tsx';
import { selectionForNode, type PanelActions, type Selection } from './panels/selection.ts';

/** Matches the server's default; bigger neighbourhoods come back with `truncated: true`. */
const NEIGHBORHOOD_LIMIT = 150;

/**
 * Two views of the same data: who is connected to whom (entities linked by co-mentions and stated
 * relations), or the articles that say so (articles and what they mention).
 */
type ViewMode = 'connections' | 'articles';

const fetchAround = (mode: ViewMode, ids: string[]) =>
  mode === 'connections' ? connections(ids, 1, NEIGHBORHOOD_LIMIT) : neighborhood(ids, 1, NEIGHBORHOOD_LIMIT);

const EMPTY_SUMMARY: CanvasSummary = {
  nodes: 0,
  edges: 0,
  visibleNodes: 0,
  visibleEdges: 0,
  byType: Object.fromEntries(NODE_TYPES.map((t) => [t, 0])) as Record<NodeType, number>,
};

export function App() {
  const viewRef = useRef<GraphView | null>(null);
  const [summary, setSummary] = useState<CanvasSummary>(EMPTY_SUMMARY);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<NodeType>>(new Set());
  const [history, setHistory] = useState<Selection[]>([]);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [statsKey, setStatsKey] = useState(0);
  const [text, setText] = useState('');
  const [searchType, setSearchType] = useState<NodeType | null>(null);
  const [mode, setMode] = useState<ViewMode>('connections');
  const modeRef = useRef<ViewMode>(mode);
  const found = useSearch(text, searchType);
  const selection = history.at(-1);

  /** Shows an item in the panel and, if it is on the canvas, selects it there too. */
  const open = useCallback((next: Selection, fromCanvas = false) => {
    setHistory((h) => {
      const last = h.at(-1);
      if (last && last.kind === next.kind && last.id === next.id) return h;
      return [...h.slice(-49), next];
    });
    if (!fromCanvas) viewRef.current?.focus(next.id);
  }, []);

  const expand = useCallback(async (id: string) => {
    const view = viewRef.current;
    if (!view) return;
    setPending((n) => n + 1);
    setError(undefined);
    try {
      const graph = await fetchAround(modeRef.current, [id]);
      if (graph.nodes.length === 0) {
        setNotice(`Nothing in the graph for ${id}.`);
        return;
      }
      const added = view.add(graph, id);
      const label = graph.nodes.find((n) => n.id === id)?.label ?? id;
      if (added === 0) setNotice(`Everything around ${label} is already on the canvas.`);
      else if (graph.truncated) {
        setNotice(
          `The neighbourhood of ${label} has more than ${NEIGHBORHOOD_LIMIT} nodes; only the first ${graph.nodes.length} are shown.`,
        );
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  /** Switching views keeps the entities on the canvas and redraws what is around them in the other view. */
  const switchMode = useCallback(async (next: ViewMode) => {
    const view = viewRef.current;
    if (modeRef.current === next) return;
    modeRef.current = next;
    setMode(next);
    setNotice(undefined);
    if (!view) return;
    const entities = view.cy.nodes('[type != "Article"]').map((n) => n.id() as string);
    view.clear();
    if (entities.length === 0) return;
    setPending((n) => n + 1);
    try {
      view.add(await fetchAround(next, entities.slice(0, 50)), entities[0]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  const pick = useCallback(
    async (hit: SearchHit) => {
      await expand(hit.id);
      open(selectionForNode(hit.id, hit.type));
    },
    [expand, open],
  );

  const actions: PanelActions = { open, expand: (id) => void expand(id) };

  const removeSelected = useCallback(() => viewRef.current?.removeSelected(), []);
  const clear = useCallback(() => {
    const view = viewRef.current;
    if (!view || view.cy.nodes().empty()) return;
    if (!window.confirm(`Remove all ${view.cy.nodes().length} nodes from the canvas?`)) return;
    view.clear();
    setNotice(undefined);
  }, []);

  const toggleType = (type: NodeType) => {
    const next = new Set(hiddenTypes);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    setHiddenTypes(next);
    viewRef.current?.setHiddenTypes(next);
  };

  const onExport = async (format: ExportFormat) => {
    const view = viewRef.current;
    if (!view) return;
    try {
      if (format === 'png') saveBlob(await view.png(), pngFilename());
      else await exportGraph(view.visibleGraph(), format);
    } catch (e) {
      setError(`Export failed: ${errorMessage(e)}`);
    }
  };

  // Delete removes the selection, Escape unselects — unless the user is typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === 'Delete' || event.key === 'Backspace') removeSelected();
      if (event.key === 'Escape') viewRef.current?.cy.$(':selected').unselect();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [removeSelected]);

  const busy = pending > 0 || found.loading;
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          guanxi <span lang="zh">关系</span>
        </h1>
        <form
          className="search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            found.submit();
          }}
        >
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Search people, organisations, places, projects, articles…"
            aria-label="Search"
            data-testid="search-input"
            autoFocus
          />
          <select
            value={searchType ?? ''}
            onChange={(event) => setSearchType((event.target.value || null) as NodeType | null)}
            aria-label="Limit search to a type"
          >
            <option value="">All types</option>
            {NODE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <button type="submit">Search</button>
        </form>
        <div className="view-mode" role="group" aria-label="View">
          {(['connections', 'articles'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              data-testid={`view-${m}`}
              onClick={() => void switchMode(m)}
              title={m === 'connections' ? 'Who is connected to whom: people, organisations, places, projects' : 'The articles and what they mention'}
            >
              {m === 'connections' ? 'Connections' : 'Articles'}
            </button>
          ))}
        </div>
        <div className={`progress ${busy ? 'active' : ''}`} role="progressbar" aria-hidden={!busy} />
      </header>

      <aside className="panel left" aria-label="Search and filters">
        <SearchResults query={found.query} hits={found.hits} loading={found.loading} error={found.error} onPick={(hit) => void pick(hit)} />
        <Sidebar
          summary={summary}
          hiddenTypes={hiddenTypes}
          onToggleType={toggleType}
          onRemoveSelected={removeSelected}
          onClear={clear}
          onFit={() => viewRef.current?.fit()}
          onRelayout={() => viewRef.current?.relayout()}
          onExport={(format) => void onExport(format)}
        />
      </aside>

      <main className="canvas-area">
        <GraphCanvas
          onReady={(view) => (viewRef.current = view)}
          onTapNode={(id, type) => open(selectionForNode(id, type), true)}
          onTapEdge={(id) => open({ kind: 'edge', id }, true)}
          onDoubleTapNode={(id) => void expand(id)}
          onChange={setSummary}
        />
        {summary.nodes === 0 && pending === 0 && <EmptyState retryKey={statsKey} />}
        <div className="canvas-messages">
          {pending > 0 && (
            <div className="message loading" data-testid="loading">
              <span className="spinner" /> {mode === 'connections' ? 'Loading connections…' : 'Loading neighbourhood…'}
            </div>
          )}
          {error && (
            <div className="message error" role="alert" data-testid="error">
              {error}
              <button type="button" onClick={() => { setError(undefined); setStatsKey((k) => k + 1); }}>
                Dismiss
              </button>
            </div>
          )}
          {notice && (
            <div className="message notice" data-testid="truncation-notice">
              {notice}
              <button type="button" onClick={() => setNotice(undefined)}>
                Dismiss
              </button>
            </div>
          )}
        </div>
      </main>

      <DetailPanel
        selection={selection}
        canGoBack={history.length > 1}
        onBack={() => {
          const previous = history.at(-2);
          setHistory((h) => h.slice(0, -1));
          if (previous) viewRef.current?.focus(previous.id);
        }}
        actions={actions}
      />
    </div>
  );
}
