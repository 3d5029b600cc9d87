import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticlePanel } from './ArticlePanel.tsx';
import { EdgePanel } from './EdgePanel.tsx';
import { EntityPanel } from './EntityPanel.tsx';
import type { PanelActions, Selection } from './selection.ts';

interface Props {
  selection: Selection | undefined;
  canGoBack: boolean;
  onBack: () => void;
  actions: PanelActions;
}

export function DetailPanel({ selection, canGoBack, onBack, actions }: Props) {
  const { t } = useTranslation();
  const panelRef = useRef<HTMLElement>(null);
  // A newly opened item should be read from its top, not from where the last one was scrolled.
  // (Braces matter: newer browsers make scrollTo return a promise, which React would take for a cleanup.)
  useEffect(() => {
    panelRef.current?.scrollTo({ top: 0 });
  }, [selection]);
  return (
    <aside className="panel right" aria-label={t('layout.details')} ref={panelRef}>
      <div className="panel-toolbar">
        <button type="button" onClick={onBack} disabled={!canGoBack} >
          {t('panel.back')}
        </button>
      </div>
      {!selection && (
        <p className="muted hint">{t('panel.hint')}</p>
      )}
      {/* key= resets each panel's scroll and state when the selection changes. */}
      {selection?.kind === 'entity' && <EntityPanel key={selection.id} id={selection.id} actions={actions} />}
      {selection?.kind === 'article' && <ArticlePanel key={selection.id} id={selection.id} actions={actions} />}
      {selection?.kind === 'edge' && <EdgePanel key={selection.id} id={selection.id} actions={actions} />}
    </aside>
  );
}
