import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONNECTION_TYPES, ENTITY_TYPES, type ConnectionType, type EntityType } from '@guanxi/shared';

export interface MenuTarget {
  id: string;
  type: string;
  label: string;
  pinned: boolean;
  at: { x: number; y: number };
}

export interface MenuActions {
  expand: (id: string, filter?: { types?: EntityType[]; relTypes?: ConnectionType[] }) => void;
  hide: (id: string) => void;
  pin: (id: string, pinned: boolean) => void;
  pathFrom: (id: string) => void;
  pathTo: (id: string) => void;
  details: (id: string, type: string) => void;
  remove: (id: string) => void;
}

/** A node's right-click menu: expand (all, by type, by relationship), hide, pin, paths, details, remove. */
export function ContextMenu({ target, connectionsView, actions, onClose }: { target: MenuTarget; connectionsView: boolean; actions: MenuActions; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: target.at.x, top: target.at.y });
  // Keep the whole menu on screen: measured once drawn, moved left / up near the edges.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPlace({
      left: Math.max(4, Math.min(target.at.x, window.innerWidth - box.width - 4)),
      top: Math.max(4, Math.min(target.at.y, window.innerHeight - box.height - 4)),
    });
  }, [target]);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('keydown', escape);
    };
  }, [onClose]);

  const item = (key: string, label: string, run: () => void, className?: string) => (
    <button
      type="button"
      role="menuitem"
      key={key}
      data-action={key}
      className={className}
      onClick={() => {
        onClose();
        run();
      }}
    >
      {label}
    </button>
  );
  const { id } = target;
  const isArticle = target.type === 'Article';
  return (
    <div className="context-menu" role="menu" aria-label={t('menu.label', { label: target.label })} ref={ref} style={place} data-testid="context-menu">
      <div className="context-title">{target.label}</div>
      {item('expand', t('menu.expand'), () => actions.expand(id))}
      <div className="context-row" role="group" aria-label={t('menu.byType')}>
        <span className="muted small">{t('menu.byType')}</span>
        {ENTITY_TYPES.map((type) => item(`expand-${type}`, t(`typePlural.${type}`), () => actions.expand(id, { types: [type] }), 'chip'))}
      </div>
      {connectionsView && !isArticle && (
        <div className="context-row" role="group" aria-label={t('menu.byRel')}>
          <span className="muted small">{t('menu.byRel')}</span>
          {CONNECTION_TYPES.map((rel) => item(`expand-${rel}`, t(`edge.${rel}`), () => actions.expand(id, { relTypes: [rel] }), 'chip'))}
        </div>
      )}
      <hr />
      {item('hide', t('menu.hide'), () => actions.hide(id))}
      {item('pin', target.pinned ? t('menu.unpin') : t('menu.pin'), () => actions.pin(id, !target.pinned))}
      {item('path-from', t('menu.pathFrom'), () => actions.pathFrom(id))}
      {item('path-to', t('menu.pathTo'), () => actions.pathTo(id))}
      {item('details', t('menu.details'), () => actions.details(id, target.type))}
      {item('remove', t('menu.remove'), () => actions.remove(id))}
    </div>
  );
}
