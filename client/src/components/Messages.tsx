import { useTranslation } from 'react-i18next';
import type { Notice } from '../workbench/Workbench.ts';

/** Loading, the last error or notice over the canvas; the next action clears it (Workbench.begin). */
export function Messages({ loading, notice, onDismiss }: { loading: string | undefined; notice: Notice | undefined; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="canvas-messages">
      {loading && (
        <div className="message loading" data-testid="loading">
          <span className="spinner" /> {loading}
        </div>
      )}
      {notice && (
        <div className={`message ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={notice.kind === 'error' ? 'error' : 'truncation-notice'}>
          <span>
            {t(notice.key, notice.params ?? {})}
            {notice.detail ? ` ${notice.detail}` : ''}
          </span>
          {notice.retry && (
            <button type="button" onClick={notice.retry}>
              {t('app.retry')}
            </button>
          )}
          <button type="button" onClick={onDismiss}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
