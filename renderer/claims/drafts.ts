/**
 * What a reviewer has typed into an article's forms and not yet committed.
 *
 * A text field keeps its text as a draft while it is edited and commits it when it is left (blur,
 * Enter), when it goes away (another claim selected, the article closed) and when everything on screen
 * must be saved at once (the page unloading, an export): `commitAll`. What cannot be committed is kept
 * here so it is on screen again when the reviewer comes back: text that fails its field's check, and
 * each claim's comment and evidence not yet posted. Kept per article for the whole session.
 */
import type { z } from 'zod';
import type { Evidence } from '../../shared/schema/claim';

/** An edit of one's own comment or a reply, open with its text, as left. */
export type ThreadDraft = { kind: 'edit' | 'reply'; id: string; text: string };

/** A claim's forms that are submitted on purpose (Post comment, Save evidence, Save edit, Reply), as left. */
export type ClaimForms = { comment: string; evidence: Evidence | null; thread: ThreadDraft | null };

const NO_FORMS: ClaimForms = { comment: '', evidence: null, thread: null };

export class FieldDrafts {
  private readonly commits = new Set<() => void>();
  private readonly refusedText = new Map<string, string>();
  private readonly forms = new Map<string, ClaimForms>();
  private listener: ((message: string) => void) | null = null;

  /** A mounted field's "commit what you hold"; returns the function that takes it off the list. */
  register(commit: () => void): () => void {
    this.commits.add(commit);
    return () => void this.commits.delete(commit);
  }

  /** Commits every mounted field's draft, in the order the fields were mounted. */
  commitAll(): void {
    for (const commit of [...this.commits]) commit();
  }

  /** Text its field refused when the field went away, to show again (null forgets it). */
  keep(key: string, text: string | null): void {
    if (text === null) this.refusedText.delete(key);
    else this.refusedText.set(key, text);
  }

  kept(key: string): string | undefined {
    return this.refusedText.get(key);
  }

  /** Tells the open article's view that a field went away with text it could not commit. */
  refused(message: string): void {
    this.listener?.(message);
  }

  listen(listener: (message: string) => void): () => void {
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }

  formsOf(claimId: string): ClaimForms {
    return this.forms.get(claimId) ?? NO_FORMS;
  }

  setForms(claimId: string, forms: ClaimForms): void {
    if (forms.comment === '' && forms.evidence === null && forms.thread === null) this.forms.delete(claimId);
    else this.forms.set(claimId, forms);
  }
}

const byArticle = new Map<string, FieldDrafts>();

/** The drafts of one article, the same object each time it is opened in this session. */
export function draftsFor(articleId: string): FieldDrafts {
  let drafts = byArticle.get(articleId);
  if (!drafts) byArticle.set(articleId, (drafts = new FieldDrafts()));
  return drafts;
}

export type DraftCheck = { kind: 'unchanged' } | { kind: 'commit'; value: string } | { kind: 'refused'; message: string };

/** What committing `draft` over the stored `value` would do, checked with the field's schema. */
export function checkDraft(draft: string, value: string, schema?: z.ZodType<string>): DraftCheck {
  if (draft === value) return { kind: 'unchanged' };
  if (!schema) return { kind: 'commit', value: draft };
  const parsed = schema.safeParse(draft);
  if (!parsed.success) return { kind: 'refused', message: parsed.error.issues[0]?.message ?? 'This value is not valid.' };
  // "reported " trims to the stored "reported": nothing to record.
  return parsed.data === value ? { kind: 'unchanged' } : { kind: 'commit', value: parsed.data };
}
