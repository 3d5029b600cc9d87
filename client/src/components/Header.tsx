import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';
import type { SearchHit } from '../api/queries.ts';
import type { ViewMode } from '../workbench/viewState.ts';
import { SearchBox } from './SearchBox.tsx';

interface Props {
  mode: ViewMode;
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onPick: (hit: SearchHit) => void;
  onMode: (mode: ViewMode) => void;
  onUndo: () => void;
  onRedo: () => void;
}

export function Header({ mode, busy, canUndo, canRedo, onPick, onMode, onUndo, onRedo }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <h1>
        guanxi <span lang="zh">关系</span>
      </h1>
      <SearchBox onPick={onPick} />
      <div className="view-mode" role="group" aria-label={t('view.connections')}>
        {(['connections', 'articles'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-testid={`view-${m}`} onClick={() => onMode(m)} title={t(`view.${m}Title`)}>
            {t(`view.${m}`)}
          </button>
        ))}
      </div>
      <div className="history-buttons">
        <button type="button" onClick={onUndo} disabled={!canUndo} title={t('canvas.undoTitle')} aria-label={t('canvas.undo')} data-testid="undo">↶</button>
        <button type="button" onClick={onRedo} disabled={!canRedo} title={t('canvas.redoTitle')} aria-label={t('canvas.redo')} data-testid="redo">↷</button>
      </div>
      <select
        className="language"
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        aria-label={t('app.language')}
        data-testid="language"
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {lang === 'zh' ? '中文' : 'English'}
          </option>
        ))}
      </select>
      <div className={`progress ${busy ? 'active' : ''}`} role="progressbar" aria-hidden={!busy} />
    </header>
  );
}
