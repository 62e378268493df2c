import { useEffect, useState } from 'react';
import { DeskSettings, type DeskState } from '../../shared/schema/desk';
import { MAX_REVIEW_URL_TEMPLATE } from '../../shared/report/reviewUrl';
import { client, errorMessage } from '../api';
import { SourceDirectory } from '../sources/SourceDirectory';

type Props = { onError: (message: string) => void; onInfo: (message: string) => void };

/** Desk settings: the reviewer's name, the desk's name, its rating scale, its fact-check page address, and the source directory. */
export function SettingsView({ onError, onInfo }: Props) {
  const [desk, setDesk] = useState<DeskState | null>(null);
  const [dataDir, setDataDir] = useState('');
  const [reviewerName, setReviewerName] = useState('');
  const [deskName, setDeskName] = useState('');
  const [scale, setScale] = useState('');
  const [reviewUrlTemplate, setReviewUrlTemplate] = useState('');
  const [detectOnImport, setDetectOnImport] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    client.getDesk({}).then(
      (d) => {
        setDesk(d.desk);
        setDataDir(d.dataDir);
        setReviewerName(d.desk.settings.reviewerName);
        setDeskName(d.desk.settings.deskName);
        setScale(d.desk.settings.ratingScale.join('\n'));
        setReviewUrlTemplate(d.desk.settings.reviewUrlTemplate ?? '');
        setDetectOnImport(d.desk.settings.detectOnImport ?? false);
      },
      (e: unknown) => onError(errorMessage(e)),
    );
  }, [onError]);

  if (!desk) return <p>Loading settings…</p>;

  const save = () => {
    const candidate = { reviewerName, deskName, ratingScale: scale.split('\n').map((l) => l.trim()).filter((l) => l !== ''), reviewUrlTemplate, detectOnImport };
    const parsed = DeskSettings.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    client.updateSettings({ settings: parsed.data }).then(
      (d) => {
        setDesk(d);
        onInfo('Settings saved.');
      },
      (e: unknown) => onError(errorMessage(e)),
    );
  };

  return (
    <div className="settings">
      <h1>Settings</h1>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="field">
          <label htmlFor="set-reviewer">Your name (signs every claim, comment and change)</label>
          <input id="set-reviewer" value={reviewerName} onChange={(e) => setReviewerName(e.currentTarget.value)} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="set-desk">Desk or organisation (author of published reviews)</label>
          <input id="set-desk" value={deskName} onChange={(e) => setDeskName(e.currentTarget.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="set-scale">Rating scale, best to worst, one verdict per line</label>
          <textarea
            id="set-scale"
            rows={8}
            value={scale}
            onChange={(e) => setScale(e.currentTarget.value)}
            aria-invalid={errors.ratingScale ? true : undefined}
            aria-describedby={errors.ratingScale ? 'set-scale-error' : undefined}
          />
          {errors.ratingScale && (
            <span className="field-error" id="set-scale-error" role="alert">
              {errors.ratingScale}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="set-review-url">Fact-check page address (the url of each published ClaimReview)</label>
          <input
            id="set-review-url"
            inputMode="url"
            spellCheck={false}
            placeholder="https://factcheck.example.org/{article}/{claim}"
            value={reviewUrlTemplate}
            onChange={(e) => setReviewUrlTemplate(e.currentTarget.value)}
            maxLength={MAX_REVIEW_URL_TEMPLATE}
            aria-invalid={errors.reviewUrlTemplate ? true : undefined}
            aria-describedby={errors.reviewUrlTemplate ? 'set-review-url-help set-review-url-error' : 'set-review-url-help'}
          />
          <span className="hint" id="set-review-url-help">
            Where the desk publishes its checks, with <code>{'{article}'}</code> (the article&apos;s id), <code>{'{claim}'}</code> (the claim&apos;s id) or{' '}
            <code>{'{anchor}'}</code> (the claim&apos;s anchor in the HTML report, e.g. claim-3) after the site name. Empty: ClaimReview exports have no url.
          </span>
          {errors.reviewUrlTemplate && (
            <span className="field-error" id="set-review-url-error" role="alert">
              {errors.reviewUrlTemplate}
            </span>
          )}
        </div>
        <div className="field field-check">
          <label>
            <input type="checkbox" checked={detectOnImport} onChange={(e) => setDetectOnImport(e.currentTarget.checked)} aria-describedby="set-detect-help" /> Find claims when an
            article is first opened after import
          </label>
          <span className="hint" id="set-detect-help">
            Detection proposes the check-worthy claims and their sourcing; nothing becomes a claim until you accept it.
          </span>
        </div>
        <button type="submit">Save settings</button>
      </form>
      <SourceDirectory sources={desk.sources} onChange={(sources) => setDesk({ ...desk, sources })} />
      <p className="hint">Data directory: {dataDir}</p>
    </div>
  );
}
