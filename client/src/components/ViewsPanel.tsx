import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../export/download.ts';
import { deleteNamedView, loadNamedViews, saveNamedView, type NamedView } from '../workbench/namedViews.ts';
import { parseView, viewToJson, ViewFormatError, type ViewState } from '../workbench/viewState.ts';

interface Props {
  current: () => ViewState;
  onOpen: (view: ViewState) => void;
  onError: (message: string) => void;
}

/** FileReader rather than Blob.text(): the same in every browser and in the tests' jsdom. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

/** Named views in this browser, a view as a JSON file (export and import), and the link to copy. */
export function ViewsPanel({ current, onOpen, onError }: Props) {
  const { t } = useTranslation();
  const [views, setViews] = useState<NamedView[]>(() => loadNamedViews());
  const [name, setName] = useState('');
  const [copied, setCopied] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    try {
      onOpen(parseView(JSON.parse(await readText(file)) as unknown));
    } catch (error) {
      const message = error instanceof ViewFormatError || error instanceof SyntaxError ? error.message : String(error);
      onError(t('views.badFile', { file: file.name, message }));
    }
  };

  return (
    <section aria-label={t('views.heading')} data-testid="views-panel">
      <h3>{t('views.heading')}</h3>
      <form
        className="button-row"
        onSubmit={(event) => {
          event.preventDefault();
          const label = name.trim() || t('views.defaultName', { date: new Date().toLocaleString() });
          setViews(saveNamedView(label, current()));
          setName('');
        }}
      >
        <input className="view-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('views.name')} aria-label={t('views.name')} data-testid="view-name" />
        <button type="submit" data-testid="view-save">{t('views.save')}</button>
      </form>
      {views.length === 0 ? (
        <p className="muted small">{t('views.none')}</p>
      ) : (
        <ul className="plain-list named-views" data-testid="named-views">
          {views.map((v) => (
            <li key={v.name}>
              <button type="button" className="link" onClick={() => onOpen(v.view)} title={v.saved}>
                {v.name}
              </button>{' '}
              <span className="muted small">({v.view.nodes.length})</span>{' '}
              <button type="button" className="link small danger" onClick={() => setViews(deleteNamedView(v.name))} aria-label={`${t('views.delete')} ${v.name}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={() => saveBlob(new Blob([viewToJson(current())], { type: 'application/json' }), 'guanxi-view.json')} data-testid="view-export">
          {t('views.exportJson')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>{t('views.importJson')}</button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="view-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          data-testid="copy-link"
          onClick={() => {
            void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false));
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? t('views.copied') : t('views.copyLink')}
        </button>
      </div>
    </section>
  );
}
