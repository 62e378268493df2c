import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, type SourceKind } from '../../shared/schema/claim';
import { SourceEntry } from '../../shared/schema/desk';
import { sourceKey } from '../../shared/sources/directory';
import { mergeSources, sourceProblem } from '../../shared/sources/editDirectory';
import { client, errorMessage } from '../api';
import './sources.css';

type Props = {
  sources: SourceEntry[];
  onChange: (sources: SourceEntry[]) => void;
};

const splitAliases = (s: string) =>
  s
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');

/** The entry as typed, checked with the schema and the directory's rules: the entry, or the first reason it cannot be saved. */
function checked(directory: readonly SourceEntry[], entry: SourceEntry): { ok: true; entry: SourceEntry } | { ok: false; message: string } {
  const parsed = SourceEntry.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const what = issue?.path[0] === 'name' ? 'The name' : issue?.path[0] === 'aliases' ? 'Each alias' : 'The source';
    return { ok: false, message: issue?.code === 'too_small' ? `${what} cannot be empty.` : issue?.code === 'too_big' ? `${what} is too long.` : (issue?.message ?? 'This source cannot be saved.') };
  }
  const problem = sourceProblem(directory, parsed.data);
  return problem ? { ok: false, message: problem } : { ok: true, entry: parsed.data };
}

/** "SOHR (NGO or monitor), also Syrian Observatory for Human Rights, the Observatory". */
function describeEntry(s: SourceEntry | undefined): string {
  if (!s) return '';
  return `${s.name} (${SOURCE_KIND_LABELS[s.kind]})${s.aliases.length > 0 ? `, also ${s.aliases.join(', ')}` : ''}`;
}

function KindSelect({ id, value, onChange, label }: { id?: string; value: SourceKind; onChange: (k: SourceKind) => void; label?: string }) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value as SourceKind)}>
      {SOURCE_KINDS.map((k) => (
        <option key={k} value={k}>
          {SOURCE_KIND_LABELS[k]}
        </option>
      ))}
    </select>
  );
}

/**
 * The desk's source directory by hand: search it, add a source, edit a name, kind or aliases in place,
 * delete one (after confirming), and merge two entries that name one source. Every change is a
 * validated call the back end checks again against the directory as it is then.
 */
export function SourceDirectory({ sources, onChange }: Props) {
  const heading = useId();
  const [query, setQuery] = useState('');
  const [merging, setMerging] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const sorted = useMemo(() => [...sources].sort((a, b) => a.name.localeCompare(b.name)), [sources]);
  const q = sourceKey(query);
  const shown = q === '' ? sorted : sorted.filter((s) => [s.name, ...s.aliases].some((n) => sourceKey(n).includes(q)));
  const mergeFrom = merging ? sources.find((s) => s.id === merging) : undefined;

  const saved = (next: SourceEntry[], message: string) => {
    onChange(next);
    setStatus(message);
  };

  return (
    <section aria-labelledby={heading} className="source-directory">
      <h2 id={heading}>Source directory</h2>
      <p className="hint">
        Sources named in claims are added here, so the same source keeps one name and kind across articles. Aliases are other names the articles use for it; two entries for one source can be
        merged.
      </p>
      <AddSource sources={sources} onSaved={(next, name) => saved(next, `Added ${name}.`)} />
      <div className="source-search">
        <label htmlFor={`${heading}-search`}>Search sources</label>
        <input id={`${heading}-search`} type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} placeholder="Name or alias" />
        <span className="hint">
          {q === '' ? `${sources.length} ${sources.length === 1 ? 'source' : 'sources'}` : `${shown.length} of ${sources.length} match`}
        </span>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
      {sorted.length === 0 ? (
        <p>No sources yet.</p>
      ) : (
        <table className="article-table source-table" aria-label="Sources">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Aliases (comma-separated)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <SourceRow
                key={s.id}
                source={s}
                sources={sources}
                canMerge={sources.length > 1}
                onSaved={(next, message) => saved(next, message)}
                onMerge={() => setMerging(s.id)}
              />
            ))}
          </tbody>
        </table>
      )}
      {mergeFrom && (
        <MergeSources
          key={mergeFrom.id}
          from={mergeFrom}
          sources={sorted}
          onCancel={() => setMerging(null)}
          onMerged={(next, name) => {
            setMerging(null);
            saved(next, `Merged into ${name}.`);
          }}
        />
      )}
    </section>
  );
}

function AddSource({ sources, onSaved }: { sources: SourceEntry[]; onSaved: (next: SourceEntry[], name: string) => void }) {
  const ids = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SourceKind>('none');
  const [aliases, setAliases] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const latest = useRef({ name, aliases, kind });
  latest.current = { name, aliases, kind };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const entry = checked(sources, { id: crypto.randomUUID(), name: name.trim(), kind, aliases: splitAliases(aliases) });
    if (!entry.ok) return setError(entry.message);
    const sent = { name, aliases, kind };
    client.saveSource({ source: entry.entry }).then(
      (r) => {
        setError(null);
        // Emptied for the next source only if nothing new was typed while this one was being saved.
        if (latest.current.name === sent.name && latest.current.aliases === sent.aliases && latest.current.kind === sent.kind) {
          setName('');
          setAliases('');
          setKind('none');
          nameField.current?.focus();
        }
        onSaved(r.sources, entry.entry.name);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  return (
    <form className="source-add" aria-label="Add a source" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name</label>
        <input
          id={`${ids}-name`}
          ref={nameField}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-kind`}>Kind</label>
        <KindSelect id={`${ids}-kind`} value={kind} onChange={setKind} />
      </div>
      <div className="field source-add-aliases">
        <label htmlFor={`${ids}-aliases`}>Aliases (comma-separated)</label>
        <input id={`${ids}-aliases`} value={aliases} onChange={(e) => setAliases(e.currentTarget.value)} placeholder="e.g. SOHR, the Observatory" />
      </div>
      <button type="submit" disabled={name.trim() === ''}>
        Add source
      </button>
      {error && (
        <span className="field-error source-add-error" id={`${ids}-error`} role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

type RowProps = {
  source: SourceEntry;
  sources: SourceEntry[];
  canMerge: boolean;
  onSaved: (next: SourceEntry[], message: string) => void;
  onMerge: () => void;
};

/** One source, edited in place: each field is saved when left (or on Enter); Escape puts it back. */
function SourceRow({ source, sources, canMerge, onSaved, onMerge }: RowProps) {
  const ids = useId();
  const [name, setName] = useState(source.name);
  const [aliases, setAliases] = useState(source.aliases.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // What the directory holds now (after a save, a merge, another row's edit) is what the fields show.
  useEffect(() => setName(source.name), [source.name]);
  useEffect(() => setAliases(source.aliases.join(', ')), [source.aliases]);

  // Edits of this row are sent one after another, each on top of the last: a kind chosen and a name
  // typed at once must not have the second (built from the row as it was) put the old kind back.
  const draft = useRef(source);
  const pending = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    if (pending.current === 0) draft.current = source;
  }, [source]);
  const save = (patch: Partial<SourceEntry>, message: string) => {
    const entry = checked(sources, { ...draft.current, ...patch });
    if (!entry.ok) return setError(entry.message);
    draft.current = entry.entry;
    pending.current += 1;
    chain.current = chain.current.then(() =>
      client.saveSource({ source: entry.entry }).then(
        (r) => {
          pending.current -= 1;
          setError(null);
          onSaved(r.sources, message);
        },
        (e: unknown) => {
          pending.current -= 1;
          // What the directory holds is what the next edit builds on.
          draft.current = source;
          setError(errorMessage(e));
        },
      ),
    );
  };
  const commitName = () => {
    if (name.trim() !== draft.current.name) save({ name: name.trim() }, `Renamed ${source.name} to ${name.trim()}.`);
  };
  const commitAliases = () => {
    const list = splitAliases(aliases);
    if (list.join('\n') !== draft.current.aliases.join('\n')) save({ aliases: list }, `Saved the aliases of ${source.name}.`);
  };
  const keys = (commit: () => void, reset: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      reset();
      setError(null);
    }
  };
  const errorId = `${ids}-error`;
  const described = error ? errorId : undefined;

  return (
    <tr>
      <td>
        <input
          className="source-name"
          aria-label={`Name of ${source.name}`}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={commitName}
          onKeyDown={keys(commitName, () => setName(source.name))}
          aria-describedby={described}
        />
        {error && (
          <span className="field-error" id={errorId} role="alert">
            {error}
          </span>
        )}
      </td>
      <td>
        <KindSelect label={`Kind of ${source.name}`} value={source.kind} onChange={(kind) => save({ kind }, `${source.name} is now ${SOURCE_KIND_LABELS[kind]}.`)} />
      </td>
      <td>
        <input
          aria-label={`Aliases of ${source.name}`}
          value={aliases}
          onChange={(e) => setAliases(e.currentTarget.value)}
          onBlur={commitAliases}
          onKeyDown={keys(commitAliases, () => setAliases(source.aliases.join(', ')))}
          aria-describedby={described}
        />
      </td>
      <td className="source-actions">
        {confirming ? (
          <span role="group" aria-label={`Delete ${source.name}?`} className="source-confirm">
            <span>Delete {source.name}?</span>
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() =>
                client.deleteSource({ id: source.id }).then(
                  (r) => onSaved(r.sources, `Deleted ${source.name}.`),
                  (e: unknown) => setError(errorMessage(e)),
                )
              }
            >
              Delete
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => deleteButton.current?.focus());
              }}
            >
              Keep
            </button>
          </span>
        ) : (
          <>
            {canMerge && (
              <button type="button" className="link-button" aria-label={`Merge ${source.name} with another source…`} onClick={onMerge}>
                Merge…
              </button>
            )}
            <button type="button" ref={deleteButton} className="link-button danger-link" aria-label={`Delete ${source.name}`} onClick={() => setConfirming(true)}>
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

type MergeProps = {
  from: SourceEntry;
  sources: SourceEntry[];
  onCancel: () => void;
  onMerged: (next: SourceEntry[], name: string) => void;
};

/**
 * Merging `from` with another entry: the other chosen, the name to keep (either's name), the kind. The
 * entry kept is the one whose name is kept; the other's names become aliases.
 */
function MergeSources({ from, sources, onCancel, onMerged }: MergeProps) {
  const ids = useId();
  const others = sources.filter((s) => s.id !== from.id);
  const [otherId, setOtherId] = useState('');
  const other = others.find((s) => s.id === otherId);
  const [keepName, setKeepName] = useState<'from' | 'other'>('from');
  const [kind, setKind] = useState<SourceKind>(from.kind);
  const [error, setError] = useState<string | null>(null);
  // The kind defaults to one that says something: the other's when this one has none.
  useEffect(() => {
    if (other && from.kind === 'none') setKind(other.kind);
  }, [other, from.kind]);

  const request = other ? (keepName === 'from' ? { keepId: from.id, mergeId: other.id, name: from.name, kind } : { keepId: other.id, mergeId: from.id, name: other.name, kind }) : null;
  // The merge the back end will do, computed here by the same function, so the form shows its result first.
  const preview = request ? mergeSources(sources, request) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!request) return setError('Choose the source to merge it with.');
    client.mergeSources(request).then(
      (r) => onMerged(r.sources, request.name),
      (err: unknown) => setError(errorMessage(err)),
    );
  };

  return (
    <form
      className="source-merge"
      aria-labelledby={`${ids}-title`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={`${ids}-title`}>Merge {from.name} with another source</h3>
      <div className="field">
        <label htmlFor={`${ids}-other`}>Merge with</label>
        <select id={`${ids}-other`} value={otherId} autoFocus onChange={(e) => setOtherId(e.currentTarget.value)}>
          <option value="">— choose a source —</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.aliases.length > 0 ? ` (${s.aliases.join(', ')})` : ''}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="source-merge-name">
        <legend>Name to keep (the other becomes an alias)</legend>
        <label>
          <input type="radio" name={`${ids}-keep`} checked={keepName === 'from'} onChange={() => setKeepName('from')} /> {from.name}
        </label>
        <label>
          <input type="radio" name={`${ids}-keep`} checked={keepName === 'other'} disabled={!other} onChange={() => setKeepName('other')} /> {other ? other.name : 'the other source'}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-kind`}>Kind of the merged source</label>
        <KindSelect id={`${ids}-kind`} value={kind} onChange={setKind} />
      </div>
      {preview && (
        <p className="hint" aria-live="polite">
          {preview.ok ? `After the merge: ${describeEntry(preview.sources.find((s) => s.id === (keepName === 'from' ? from.id : otherId)))}` : preview.message}
        </p>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <div className="source-merge-actions">
        <button type="submit">Merge sources</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
