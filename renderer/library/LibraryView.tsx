import { useEffect, useState } from 'react';
import type { ImportResult } from '../../shared/api';
import type { ArticleSummary } from '../../shared/schema/article';
import { client, errorMessage } from '../api';
import { ImportControls } from './ImportControls';
import type { BundleOpened } from './openFile';

type Props = { onOpen: (id: string) => void; onImported: (result: ImportResult) => void; onBundle: (result: BundleOpened) => void; onError: (message: string) => void };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function LibraryView({ onOpen, onImported, onBundle, onError }: Props) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [offerSample, setOfferSample] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const remove = (id: string) =>
    client.deleteArticle({ id }).then(
      () => {
        setRemoving(null);
        setArticles((list) => list?.filter((a) => a.id !== id) ?? null);
      },
      (e: unknown) => onError(errorMessage(e)),
    );

  useEffect(() => {
    Promise.all([client.listArticles({}), client.getDesk({})]).then(
      ([list, desk]) => {
        setArticles(list.articles);
        setOfferSample(!desk.desk.sampleHandled && list.articles.length === 0);
      },
      (e: unknown) => onError(errorMessage(e)),
    );
  }, [onError]);

  const sorted = articles ? [...articles].sort((a, b) => b.importedAt.localeCompare(a.importedAt)) : null;

  return (
    <div className="library">
      <h1>Library</h1>
      {offerSample && (
        <section className="sample-offer" aria-label="Sample article">
          <p>Your desk is empty. Start with a real article to try the workbench?</p>
          <button type="button" onClick={() => client.importSample({}).then(onImported, (e: unknown) => onError(errorMessage(e)))}>
            Open the sample article
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => client.declineSample({}).then(() => setOfferSample(false), (e: unknown) => onError(errorMessage(e)))}
          >
            No thanks
          </button>
        </section>
      )}
      <ImportControls onImported={onImported} onBundle={onBundle} onError={onError} />
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles</h2>
        {sorted === null ? (
          <p>Loading…</p>
        ) : sorted.length === 0 ? (
          <p data-testid="library-empty">No articles yet.</p>
        ) : (
          <table className="article-table" aria-label="Articles">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Publisher</th>
                <th scope="col">Published</th>
                <th scope="col">Imported</th>
                <th scope="col">Words</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => (
                <tr key={a.id} data-testid="article-row" className={a.damaged ? 'damaged' : undefined}>
                  <td>
                    {a.damaged ? (
                      <DamagedEntry
                        article={a}
                        confirming={removing === a.id}
                        onAsk={() => setRemoving(a.id)}
                        onCancel={() => setRemoving(null)}
                        onRemove={() => void remove(a.id)}
                      />
                    ) : (
                      <a
                        href={`#/article/${a.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpen(a.id);
                        }}
                      >
                        {a.title || '(untitled)'}
                      </a>
                    )}
                  </td>
                  <td>{a.publisher || '—'}</td>
                  <td>{a.publishedAt || '—'}</td>
                  <td>
                    <time dateTime={a.importedAt}>{dateFormat.format(new Date(a.importedAt))}</time>
                  </td>
                  <td>{a.wordCount.toLocaleString()}</td>
                  <td>{a.claimCount === 0 ? '—' : `${a.doneCount} of ${a.claimCount} done`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

type DamagedProps = { article: ArticleSummary; confirming: boolean; onAsk: () => void; onCancel: () => void; onRemove: () => void };

/** An article whose file and backup are unreadable: it cannot open, but it must not be a dead end. */
function DamagedEntry({ article, confirming, onAsk, onCancel, onRemove }: DamagedProps) {
  const title = article.title || '(untitled)';
  return (
    <div className="damaged-entry">
      <span className="damaged-title">{title}</span> <span className="badge badge-damaged">Damaged</span>
      <p className="damaged-reason">{article.damaged}</p>
      {confirming ? (
        <p role="group" aria-label={`Remove ${title}`}>
          Remove “{title}” from the library? The damaged files stay in the quarantine folder.{' '}
          <button type="button" className="danger" onClick={onRemove}>
            Remove
          </button>{' '}
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </p>
      ) : (
        <button type="button" className="secondary" onClick={onAsk}>
          Remove from library…
        </button>
      )}
    </div>
  );
}
