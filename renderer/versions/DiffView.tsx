import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { TextChange } from '../../shared/versions/diff';
import { diffGroups, foldUnchanged, type DiffGroup, type DiffPart } from '../../shared/versions/diffView';
import type { TextDiff } from '../../shared/versions/diff';

export type DiffLayout = 'inline' | 'split';

import type { CalloutBadge } from './calloutBadges';

type Props = {
  diff: TextDiff;
  layout: DiffLayout;
  /** The two sides' names, for the column heads and screen readers: "Version 1", "Version 2". */
  fromLabel: string;
  toLabel: string;
  callouts: (change: TextChange) => CalloutBadge[];
};

/**
 * Word by word, the changed paragraphs with one paragraph of context and the rest folded. Insertions and
 * deletions are <ins> and <del> (underlined, struck through, and named for screen readers), never colour
 * alone; side by side puts the old paragraphs left and the new right, row by row.
 */
export function DiffView({ diff, layout, fromLabel, toLabel, callouts }: Props) {
  const groups = useMemo(() => diffGroups(diff), [diff]);
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => foldUnchanged(groups, undefined, unfolded), [groups, unfolded]);
  if (!groups.some((g) => g.changed)) return <p className="diff-empty">The two texts are the same, word for word.</p>;
  return (
    <div className={`diff diff-${layout}`} data-testid="diff">
      {layout === 'split' && (
        <div className="diff-split-head" aria-hidden="true">
          <span>{fromLabel}</span>
          <span>{toLabel}</span>
        </div>
      )}
      {rows.map((row) =>
        row.kind === 'folded' ? (
          <div key={`f${row.groups[0]!.index}`} className="diff-fold">
            <button type="button" className="diff-fold-button" onClick={() => setUnfolded((u) => new Set([...u, ...row.groups.map((g) => g.index)]))}>
              {row.groups.length} unchanged paragraphs
              <span className="visually-hidden"> (show them)</span>
            </button>
          </div>
        ) : (
          <GroupRow key={`g${row.group.index}`} group={row.group} layout={layout} fromLabel={fromLabel} toLabel={toLabel} callouts={callouts} />
        ),
      )}
    </div>
  );
}

function GroupRow({ group, layout, fromLabel, toLabel, callouts }: { group: DiffGroup; layout: DiffLayout; fromLabel: string; toLabel: string; callouts: Props['callouts'] }) {
  const badges = group.changed ? group.changes.flatMap(callouts) : [];
  const cls = `diff-group${group.changed ? ' diff-changed' : ' diff-context'}`;
  const body =
    layout === 'inline' ? (
      <div className="diff-text">{group.inline.map((b, i) => <Block key={i} parts={b} />)}</div>
    ) : (
      <div className="diff-split-row">
        <div className="diff-side diff-old" role="group" aria-label={fromLabel}>
          {group.oldBlocks.length > 0 ? group.oldBlocks.map((b, i) => <Block key={i} parts={b} />) : <p className="diff-none">(no paragraph)</p>}
        </div>
        <div className="diff-side diff-new" role="group" aria-label={toLabel}>
          {group.newBlocks.length > 0 ? group.newBlocks.map((b, i) => <Block key={i} parts={b} />) : <p className="diff-none">(removed)</p>}
        </div>
      </div>
    );
  return (
    <div role="group" className={cls} aria-label={group.changed ? (group.index === 0 ? 'Changed: the headline' : 'Changed paragraph') : 'Unchanged paragraph'} data-diff-group={group.index}>
      {body}
      {badges.length > 0 && (
        <ul className="diff-callouts" aria-label="Changes called out">
          {badges.map((b, i) => (
            <li key={i} className="callout" data-kinds={b.kinds}>
              <span className="callout-label">{b.label}</span> <span className="callout-words">{calloutWords(b)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function calloutWords(b: CalloutBadge): ReactNode {
  if (b.before && b.after) return `${b.before} → ${b.after}`;
  if (b.before) return <>removed: {b.before}</>;
  return <>added: {b.after}</>;
}

function Block({ parts }: { parts: DiffPart[] }) {
  return (
    <p>
      {parts.map((p, i) => (
        <Fragment key={i}>
          <Part part={p} />
        </Fragment>
      ))}
    </p>
  );
}

function Part({ part }: { part: DiffPart }) {
  if (part.kind === 'same') return <>{part.text}</>;
  if (part.paragraphBreak) {
    const Tag = part.kind === 'removed' ? 'del' : 'ins';
    return (
      <Tag className="diff-break" title={part.kind === 'removed' ? 'Paragraph break removed' : 'Paragraph break added'}>
        <span aria-hidden="true">¶</span>
        <span className="visually-hidden">{part.kind === 'removed' ? '[paragraph break removed]' : '[paragraph break added]'}</span>
      </Tag>
    );
  }
  if (part.kind === 'removed') {
    return (
      <del>
        <span className="visually-hidden">[removed: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </del>
    );
  }
  return (
    <ins>
      <span className="visually-hidden">[added: </span>
      {part.text}
      <span className="visually-hidden">]</span>
    </ins>
  );
}
