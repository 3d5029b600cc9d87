import { useEffect, useRef } from 'react';
import { GraphView, type GraphViewEvents } from './GraphView.ts';

interface Props extends GraphViewEvents {
  onReady: (view: GraphView | null) => void;
}

/** Mounts the Cytoscape canvas; handlers are read through a ref so they may change freely. */
export function GraphCanvas({ onReady, ...events }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const eventsRef = useRef(events);
  eventsRef.current = events;

  useEffect(() => {
    if (!containerRef.current) return;
    const view = new GraphView(containerRef.current, {
      onTapNode: (id, type) => eventsRef.current.onTapNode(id, type),
      onTapEdge: (id) => eventsRef.current.onTapEdge(id),
      onDoubleTapNode: (id) => eventsRef.current.onDoubleTapNode(id),
      onContextNode: (id, type, at) => eventsRef.current.onContextNode(id, type, at),
      onChange: (summary) => eventsRef.current.onChange(summary),
    });
    onReady(view);
    return () => {
      onReady(null);
      view.destroy();
    };
    // onReady is called once per mount; a new callback identity must not rebuild the canvas.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" data-layout="idle" />;
}
